//! Editing the services directory: create, save, restore, check and publish services.
