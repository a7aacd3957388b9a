//! The marketplaces' seller APIs: how each one signs, and (in later files) what the app
//! sends and reads back.

pub mod sign;
