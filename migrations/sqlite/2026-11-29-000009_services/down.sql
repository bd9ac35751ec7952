DROP TABLE service_translations;
DROP TABLE services;
DROP TABLE region_translations;
DROP TABLE regions;
