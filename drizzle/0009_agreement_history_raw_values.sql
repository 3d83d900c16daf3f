-- The agreements' audit trail kept text written for the screen until now: the kind by its
-- Vietnamese name, parties, commitments, deliveries and follow-up notes as formatted sentences.
-- From here it keeps raw values, as every other record's does. Here the kind names become codes;
-- the sentences are read back into records by src/core/db/upgrades.ts, which runs with this
-- migration (SQL cannot parse them).
UPDATE `audit_log` SET
  `before` = CASE WHEN json_type(`before`, '$.kind') = 'text' THEN json_set(`before`, '$.kind', CASE json_extract(`before`, '$.kind')
    WHEN 'Biên bản ghi nhớ' THEN 'mou' WHEN 'Hợp đồng liên kết tiêu thụ' THEN 'sales_contract' WHEN 'Chương trình phối hợp' THEN 'cooperation_programme'
    ELSE json_extract(`before`, '$.kind') END) ELSE `before` END,
  `after` = CASE WHEN json_type(`after`, '$.kind') = 'text' THEN json_set(`after`, '$.kind', CASE json_extract(`after`, '$.kind')
    WHEN 'Biên bản ghi nhớ' THEN 'mou' WHEN 'Hợp đồng liên kết tiêu thụ' THEN 'sales_contract' WHEN 'Chương trình phối hợp' THEN 'cooperation_programme'
    ELSE json_extract(`after`, '$.kind') END) ELSE `after` END
WHERE `entity` = 'agreement';
