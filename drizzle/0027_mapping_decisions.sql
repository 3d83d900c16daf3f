-- A remembered mapping keeps null only for a column the person left out although its header names
-- a field. Before, every column left out was kept as null, so a column whose field the app added
-- later (Tình trạng, a buyer's Địa chỉ) stayed unread in every later import of that list. Which of
-- the old nulls were the person's choice cannot be told: all are forgotten, and the mapping step
-- proposes a field for such a column again, saying it is new.
UPDATE `import_mappings`
SET `mapping` = (SELECT json_group_object(`key`, `value`) FROM json_each(`import_mappings`.`mapping`) WHERE `type` <> 'null');
