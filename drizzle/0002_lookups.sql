-- Lookup rows that the law or practice may change; kept as data so an update needs no code change.
INSERT INTO `sectors` (`code`, `name`, `sector_group`, `sort_order`) VALUES
  ('trong_trot', 'Trồng trọt', 'agriculture', 10),
  ('chan_nuoi', 'Chăn nuôi', 'agriculture', 20),
  ('thuy_san', 'Thủy sản', 'agriculture', 30),
  ('lam_nghiep', 'Lâm nghiệp', 'agriculture', 40),
  ('diem_nghiep', 'Diêm nghiệp', 'agriculture', 50),
  ('nong_nghiep_tong_hop', 'Nông nghiệp tổng hợp', 'agriculture', 60),
  ('cong_nghiep', 'Công nghiệp, tiểu thủ công nghiệp', 'non_agriculture', 110),
  ('xay_dung', 'Xây dựng', 'non_agriculture', 120),
  ('thuong_mai_dich_vu', 'Thương mại, dịch vụ', 'non_agriculture', 130),
  ('van_tai', 'Vận tải', 'non_agriculture', 140),
  ('tin_dung', 'Tín dụng', 'non_agriculture', 150),
  ('moi_truong', 'Môi trường', 'non_agriculture', 160),
  ('nha_o', 'Nhà ở', 'non_agriculture', 170),
  ('khac', 'Lĩnh vực khác', 'non_agriculture', 190);
--> statement-breakpoint
INSERT INTO `size_classes` (`code`, `name`, `sort_order`) VALUES
  ('sieu_nho', 'Siêu nhỏ', 10),
  ('nho', 'Nhỏ', 20),
  ('vua', 'Vừa', 30),
  ('lon', 'Lớn', 40);
--> statement-breakpoint
INSERT INTO `certification_kinds` (`code`, `name`, `has_stars`, `sort_order`) VALUES
  ('ocop', 'OCOP', 1, 10),
  ('vietgap', 'VietGAP', 0, 20),
  ('globalgap', 'GlobalGAP', 0, 30),
  ('huu_co', 'Hữu cơ', 0, 40),
  ('attp', 'An toàn thực phẩm', 0, 50),
  ('ma_vung_trong', 'Mã số vùng trồng', 0, 60),
  ('truy_xuat', 'Truy xuất nguồn gốc', 0, 70),
  ('cong_bo_chat_luong', 'Công bố chất lượng', 0, 80),
  ('so_huu_tri_tue', 'Bảo hộ sở hữu trí tuệ', 0, 90);
--> statement-breakpoint
INSERT INTO `settings` (`key`, `value`, `note`) VALUES
  ('minimum_members', '{"htx":5,"lhhtx":3,"tht":2,"qtdnd":5}', 'Số thành viên tối thiểu theo loại hình (cần đối chiếu Luật Hợp tác xã 2023 và văn bản hướng dẫn hiện hành). Chỉ để cảnh báo, không chặn việc lưu.'),
  ('ocop_validity_months', '36', 'Thời hạn hiệu lực giấy chứng nhận OCOP, tính bằng tháng (cần đối chiếu quy định hiện hành).');
