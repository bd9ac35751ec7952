//! Reader feedback on guides ("was this useful?" and comments).
