//! One component per screen.

pub mod about;
pub mod glossary;
pub mod library;
pub mod not_found;
pub mod notes;
pub mod reader;
