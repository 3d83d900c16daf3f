-- The seeded online meeting was the one kind held in no province, by a rule in code; the office
-- can now mark any kind of its own so (hội thảo trực tuyến …), and this one is marked as it was.
UPDATE `event_kinds` SET `online` = true WHERE `code` = 'online_meeting';
