DROP TABLE outbox;
DROP TABLE inquiry_tombstones;
DROP TABLE inquiry_messages;
DROP TABLE inquiries;
DROP TABLE data_keys;
