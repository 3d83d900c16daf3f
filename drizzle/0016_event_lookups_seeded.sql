-- Event kinds and participant roles become lookups the office edits (Sự kiện → Danh mục): the
-- codes events already carry become rows with the names the screens and reports have used.
INSERT INTO `event_kinds` (`code`, `name`, `sort_order`) VALUES
  ('supply_demand_conference', 'Hội nghị kết nối cung – cầu', 10),
  ('thematic_conference', 'Hội nghị chuyên đề', 20),
  ('seminar', 'Tọa đàm', 30),
  ('fair', 'Hội chợ – triển lãm', 40),
  ('forum', 'Diễn đàn', 50),
  ('training', 'Lớp tập huấn', 60),
  ('study_tour', 'Khảo sát học tập', 70),
  ('online_meeting', 'Họp trực tuyến', 80);
--> statement-breakpoint
INSERT INTO `participant_roles` (`code`, `name`, `sort_order`) VALUES
  ('attendee', 'Tham dự', 10),
  ('host', 'Chủ trì', 20),
  ('guest', 'Khách mời', 30),
  ('exhibitor', 'Trưng bày', 40),
  ('speaker', 'Báo cáo viên', 50),
  ('co_organizer', 'Đơn vị phối hợp', 60);
