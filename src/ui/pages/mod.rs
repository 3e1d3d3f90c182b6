//! One component per screen.

pub mod about;
pub mod analytics;
pub mod concordance;
pub mod glossary;
pub mod library;
pub mod not_found;
pub mod notes;
pub mod reader;
pub mod search;
pub mod unavailable;
