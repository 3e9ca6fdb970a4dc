//! What the Baijiayun emulation stores, area by area: plain records with no
//! knowledge of requests, so the state that holds them and the handlers that
//! use them both depend on these, never on each other.

pub mod category;
pub mod interactive;
pub mod manage;
pub mod subtitle;
pub mod video;
