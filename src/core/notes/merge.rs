//! Merging two sets of notes: another tab's saved notes, or an imported file.
//!
//! Per id, the last writer wins by `updated`; deletions and undos are writes too, so a
//! tombstone newer than an edit wins and an edit newer than a tombstone revives the
//! note. Ties (same `updated`, different content) are broken by a fixed order (the
//! tombstone first, then the larger JSON form), so the merged note of every id is the
//! same whichever side merges into which, and merging twice changes nothing. No id is
//! ever dropped: the result holds the union of both sides.

use super::model::{Note, NoteStore};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::HashMap;

/// What a merge did, for the message the UI shows ("3 notes added, 1 updated").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MergeReport {
    /// Incoming notes whose id was new here.
    pub added: usize,
    /// Incoming notes newer than ours: ours was replaced.
    pub updated: usize,
    /// Incoming notes equal to ours.
    pub unchanged: usize,
    /// Incoming notes older than ours (or tied and losing the tie-break): ours was kept.
    pub kept_local_newer: usize,
    /// Of `updated`: live notes here that the incoming side had deleted later (undo
    /// brings them back).
    pub deleted: usize,
    /// Of `updated`: deleted notes here that the incoming side had restored or edited later.
    pub revived: usize,
    /// Notes here that the incoming side did not have at all.
    pub local_only: usize,
}

impl MergeReport {
    /// Whether the local store changed.
    pub fn changed(&self) -> bool {
        self.added + self.updated > 0
    }

    /// Whether the local store has something the incoming side lacks: after a two-tab
    /// merge, the UI should then save the merged store back.
    pub fn local_is_ahead(&self) -> bool {
        self.kept_local_newer + self.local_only > 0
    }
}

/// The last-writer-wins order of two versions of one note: `Greater` means `a` wins.
pub fn cmp_versions(a: &Note, b: &Note) -> Ordering {
    a.updated
        .cmp(&b.updated)
        .then_with(|| a.deleted.is_some().cmp(&b.deleted.is_some()))
        .then_with(|| {
            let json = |n: &Note| serde_json::to_string(n).unwrap_or_default();
            json(a).cmp(&json(b))
        })
}

/// Merges `incoming` into `local`. Local notes keep their order; new ones are appended
/// in the incoming order.
pub fn merge(local: &mut NoteStore, incoming: &[Note]) -> MergeReport {
    let mut report = MergeReport::default();
    let mut index: HashMap<String, usize> = local
        .all()
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.clone(), i))
        .collect();
    let mut seen = vec![false; local.all().len()];
    let notes = local.notes_mut();
    for note in incoming {
        let Some(&i) = index.get(&note.id) else {
            index.insert(note.id.clone(), notes.len());
            notes.push(note.clone());
            seen.push(true);
            report.added += 1;
            continue;
        };
        seen[i] = true;
        let ours = &mut notes[i];
        if ours == note {
            report.unchanged += 1;
        } else if cmp_versions(note, ours) == Ordering::Greater {
            report.updated += 1;
            report.deleted += usize::from(ours.is_live() && !note.is_live());
            report.revived += usize::from(!ours.is_live() && note.is_live());
            *ours = note.clone();
        } else {
            report.kept_local_newer += 1;
        }
    }
    report.local_only = seen.iter().filter(|s| !**s).count();
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::notes::model::{NoteEdit, Target};

    fn note(id: &str, updated: i64) -> Note {
        let mut n = Note::new(id, "doc", Target::Document, 1);
        n.updated = updated;
        n
    }

    #[test]
    fn last_writer_wins_and_counts() {
        let mut local = NoteStore::from_notes(vec![
            note("a", 10),
            note("b", 10),
            note("c", 10),
            note("d", 10),
        ]);
        let mut newer_b = note("b", 20);
        newer_b.text = "newer".into();
        let incoming = vec![note("a", 10), newer_b, note("c", 5), note("e", 1)];
        let r = merge(&mut local, &incoming);
        assert_eq!(
            r,
            MergeReport {
                added: 1,
                updated: 1,
                unchanged: 1,
                kept_local_newer: 1,
                deleted: 0,
                revived: 0,
                local_only: 1
            }
        );
        assert_eq!(local.get("b").unwrap().text, "newer");
        assert_eq!(local.get("c").unwrap().updated, 10);
        assert_eq!(local.all().len(), 5);
        assert!(r.changed() && r.local_is_ahead());
        assert!(!merge(&mut local, &incoming).changed(), "idempotent");
    }

    #[test]
    fn tombstones_are_writes() {
        // Tab A deletes at 30; tab B edited at 20: the deletion wins.
        let mut a = NoteStore::from_notes(vec![note("x", 10)]);
        let mut b = a.clone();
        b.edit(
            "x",
            NoteEdit {
                text: Some("edit".into()),
                ..Default::default()
            },
            20,
        )
        .unwrap();
        a.delete("x", 30).unwrap();
        let r = merge(&mut b, a.all());
        assert_eq!((r.updated, r.deleted), (1, 1));
        assert!(!b.get("x").unwrap().is_live());
        // Tab A edits at 40 after a deletion at 30 elsewhere: the edit revives.
        let mut c = NoteStore::from_notes(vec![note("x", 10)]);
        c.edit(
            "x",
            NoteEdit {
                text: Some("later".into()),
                ..Default::default()
            },
            40,
        )
        .unwrap();
        let r = merge(&mut b, c.all());
        assert_eq!(r.revived, 1);
        assert_eq!(b.get("x").unwrap().text, "later");
    }

    #[test]
    fn ties_break_the_same_way_from_both_sides() {
        let mut x = note("t", 50);
        x.text = "x".into();
        let mut y = note("t", 50);
        y.deleted = Some(50);
        let mut left = NoteStore::from_notes(vec![x.clone()]);
        merge(&mut left, std::slice::from_ref(&y));
        let mut right = NoteStore::from_notes(vec![y]);
        merge(&mut right, &[x]);
        assert_eq!(left, right);
        assert!(
            !left.get("t").unwrap().is_live(),
            "at a tie the tombstone wins"
        );
    }
}
