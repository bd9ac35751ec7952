DROP TABLE account_tokens;
DROP TABLE staff_roles;
DROP TABLE staff_users;
