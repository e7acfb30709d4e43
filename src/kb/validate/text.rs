//! The text check over every string of the knowledge base: not blank where it is prose, no
//! control characters, no unknown placeholders, and the prose checks. The strings are visited by
//! serialising the data into a walker that keeps one path buffer (linear in the size of the KB,
//! with no copy of it).

use serde_json::Value;

use super::Report;
use super::contract::{PLACEHOLDER, PROSE_KEYS};
use super::prose::check_prose;
use crate::kb::model::KbData;

/// Every string: not blank where it is prose, no control characters, no unknown placeholders.
///
/// The strings are visited by serialising the data into [`TextWalk`], which keeps one path
/// buffer and copies a path only for a problem: linear in the size of the knowledge base, with no
/// copy of it (a `serde_json::Value` copy once cost more than the rest of the validator).
pub(super) fn check_text(kb: &KbData, r: &mut Report) {
    let mut walk = TextWalk {
        path: String::new(),
        key: String::new(),
        index: Vec::new(),
        r,
    };
    // The walk itself never fails; a failing `Serialize` impl would be a bug in the model.
    let _ = serde::Serialize::serialize(kb, &mut walk);
}

/// One string of the knowledge base at `path`, inside a member named `key`.
fn check_string(s: &str, path: &str, key: &str, r: &mut Report) {
    if PROSE_KEYS.contains(&key) {
        check_prose(s, path, r);
    }
    if let Some(c) = s.chars().find(|c| c.is_control()) {
        r.add(
            path,
            format!("text holds a control character (U+{:04X})", c as u32),
        );
    }
    if s.trim().is_empty() {
        r.add(path, "text is empty");
    }
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let tail = &rest[open..];
        if !tail.starts_with(PLACEHOLDER) {
            r.add(path, "text holds `{`: the only placeholder is {emergency}");
            break;
        }
        rest = &tail[PLACEHOLDER.len()..];
    }
}

/// A serde serialiser that writes nothing: it calls [`check_string`] on every string (and unit
/// enum variant, which is written as a string) with its JSON path, as `serde_json` would lay the
/// data out.
struct TextWalk<'r> {
    /// The JSON path of the value being serialised.
    path: String,
    /// The name of the innermost member (array elements keep their array's name).
    key: String,
    /// For each open sequence: where its path ends and the next element's index.
    index: Vec<(usize, usize)>,
    r: &'r mut Report,
}

impl TextWalk<'_> {
    fn string(&mut self, s: &str) {
        check_string(s, &self.path, &self.key, self.r);
    }

    /// Serialises the member `key` of the current object.
    fn member<T: serde::Serialize + ?Sized>(
        &mut self,
        key: &str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        let base = self.path.len();
        if base > 0 {
            self.path.push('.');
        }
        self.path.push_str(key);
        let outer = std::mem::replace(&mut self.key, key.to_owned());
        let result = value.serialize(&mut *self);
        self.key = outer;
        self.path.truncate(base);
        result
    }

    fn open_seq(&mut self) {
        self.index.push((self.path.len(), 0));
    }

    fn element<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        use std::fmt::Write as _;
        let Some(&mut (base, ref mut i)) = self.index.last_mut() else {
            return value.serialize(&mut *self);
        };
        let _ = write!(self.path, "[{i}]");
        *i += 1;
        let result = value.serialize(&mut *self);
        self.path.truncate(base);
        result
    }

    fn close_seq(&mut self) {
        self.index.pop();
    }
}

impl<'a, 'r> serde::Serializer for &'a mut TextWalk<'r> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = MapWalk<'a, 'r>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, _: bool) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_char(self, c: char) -> Result<(), Self::Error> {
        self.string(c.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, s: &str) -> Result<(), Self::Error> {
        self.string(s);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_some<T: serde::Serialize + ?Sized>(self, value: &T) -> Result<(), Self::Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Self::Error> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Self::Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.member(variant, value)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Self::Error> {
        self.open_seq();
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Self::Error> {
        self.open_seq();
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Self::Error> {
        self.open_seq();
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Self::Error> {
        // Written as `{"variant": [..]}`; the elements are placed under the variant's name.
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(variant);
        self.open_seq();
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<MapWalk<'a, 'r>, Self::Error> {
        Ok(MapWalk {
            walk: self,
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Self::Error> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Self::Error> {
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(variant);
        Ok(self)
    }
}

impl serde::ser::SerializeSeq for &mut TextWalk<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_element<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Self::Error> {
        self.close_seq();
        Ok(())
    }
}

impl serde::ser::SerializeTuple for &mut TextWalk<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_element<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Self::Error> {
        self.close_seq();
        Ok(())
    }
}

impl serde::ser::SerializeTupleStruct for &mut TextWalk<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Self::Error> {
        self.close_seq();
        Ok(())
    }
}

impl serde::ser::SerializeTupleVariant for &mut TextWalk<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Self::Error> {
        if let Some((base, _)) = self.index.pop() {
            let cut = self.path[..base].rfind('.').unwrap_or(0);
            self.path.truncate(cut);
        }
        Ok(())
    }
}

impl serde::ser::SerializeStruct for &mut TextWalk<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: serde::Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.member(key, value)
    }
    fn end(self) -> Result<(), Self::Error> {
        Ok(())
    }
}

impl serde::ser::SerializeStructVariant for &mut TextWalk<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: serde::Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.member(key, value)
    }
    fn end(self) -> Result<(), Self::Error> {
        let cut = self.path.rfind('.').unwrap_or(0);
        self.path.truncate(cut);
        Ok(())
    }
}

/// A map in [`TextWalk`]: keys are written as JSON strings, so they become member names.
struct MapWalk<'a, 'r> {
    walk: &'a mut TextWalk<'r>,
    key: Option<String>,
}

impl serde::ser::SerializeMap for MapWalk<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_key<T: serde::Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Self::Error> {
        self.key = match serde_json::to_value(key)? {
            Value::String(s) => Some(s),
            other => Some(other.to_string()),
        };
        Ok(())
    }
    fn serialize_value<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), Self::Error> {
        let key = self.key.take().unwrap_or_default();
        self.walk.member(&key, value)
    }
    fn end(self) -> Result<(), Self::Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::validate::Problem;

    /// The text check as it was: a `serde_json::Value` copy walked with a path per node.
    fn by_value(kb: &KbData) -> Vec<Problem> {
        fn walk(value: &Value, path: &str, key: &str, r: &mut Report) {
            match value {
                Value::String(s) => check_string(s, path, key, r),
                Value::Array(items) => {
                    for (i, v) in items.iter().enumerate() {
                        walk(v, &format!("{path}[{i}]"), key, r);
                    }
                }
                Value::Object(map) => {
                    for (k, v) in map {
                        let p = if path.is_empty() {
                            k.clone()
                        } else {
                            format!("{path}.{k}")
                        };
                        walk(v, &p, k, r);
                    }
                }
                _ => {}
            }
        }
        let mut r = Report::default();
        walk(&serde_json::to_value(kb).expect("value"), "", "", &mut r);
        r.0
    }

    fn sorted(mut problems: Vec<Problem>) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> =
            problems.drain(..).map(|p| (p.path, p.message)).collect();
        out.sort();
        out
    }

    #[test]
    fn text_walk_finds_what_the_value_walk_found() {
        let mut kb: KbData = serde_json::from_str(crate::kb::EMBEDDED).expect("shipped kb");
        kb.techniques[3].name = "bad\u{7}name {x}".to_owned();
        kb.techniques[5].regions[0] = " ".to_owned();
        kb.regions[2].zones_near.push("zone\u{1b}".to_owned());
        kb.tools[1].name = "use the foam_roller_medium 3 passes".to_owned();
        if let Some(members) = kb.groups.values_mut().next() {
            members.push(String::new());
        }
        let mut r = Report::default();
        check_text(&kb, &mut r);
        let found = sorted(r.0);
        assert!(found.len() >= 5, "{found:?}");
        assert_eq!(found, sorted(by_value(&kb)));
    }
}
