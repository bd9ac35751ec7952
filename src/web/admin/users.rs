//! Staff accounts for administrators: invite, roles, disable, reset the second factor.
