//! Unit tests of `locate`.

use super::*;

const TEXT: &str = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": {\"d\": [true, \"é\", 3]}\n}";

#[test]
fn finds_nested_members_and_elements() {
    assert_eq!(
        locate(TEXT, "a[1].b"),
        Some(Location {
            line: 2,
            column: 18
        })
    );
    assert_eq!(
        locate(TEXT, "c.d[2]"),
        Some(Location {
            line: 3,
            column: 26
        })
    );
    assert_eq!(locate(TEXT, "c"), Some(Location { line: 3, column: 8 }));
}

#[test]
fn missing_parts_point_at_the_deepest_existing_value() {
    assert_eq!(
        locate(TEXT, "c.nope"),
        Some(Location { line: 3, column: 8 })
    );
    assert_eq!(locate(TEXT, "a[9]"), Some(Location { line: 2, column: 8 }));
    assert_eq!(locate(TEXT, ""), Some(Location { line: 1, column: 1 }));
}

#[test]
fn not_json_gives_none() {
    assert_eq!(locate("   ", "a"), None);
}

#[test]
fn many_paths_in_one_pass_keep_their_order() {
    assert_eq!(
        locate_all(TEXT, &["c.d[2]", "a[1].b", "zzz"]),
        vec![
            Some(Location {
                line: 3,
                column: 26
            }),
            Some(Location {
                line: 2,
                column: 18
            }),
            Some(Location { line: 1, column: 1 }),
        ]
    );
}

#[test]
fn keys_with_escapes_are_decoded() {
    let text = r#"{"regions": {"a\u002eb": 1}}"#;
    assert_eq!(
        locate(text, "regions.a.b"),
        Some(Location {
            line: 1,
            column: 26
        })
    );
}

#[test]
fn duplicate_keys_are_found_at_any_depth() {
    let text = "{\"a\": {\"x\": 1, \"y\": [{\"k\": 1,\n \"\\u006b\": 2}]}, \"b\": 1}";
    let d = duplicate_key(text).expect("a duplicate");
    assert_eq!(d.path, "a.y[0].k");
    assert_eq!(d.key, "k");
    assert_eq!(d.at, Location { line: 2, column: 2 });
    assert_eq!(
        d.first,
        Location {
            line: 1,
            column: 23
        }
    );
    assert_eq!(duplicate_key(r#"{"a": {"k": 1}, "b": {"k": 1}}"#), None);
}

#[test]
fn deep_nesting_does_not_overflow() {
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(locate(&text, "[0][0][0]"), None);
    assert_eq!(duplicate_key(&text), None);
    let text = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert_eq!(
        locate(&text, "[0][0][0]"),
        Some(Location { line: 1, column: 4 })
    );
}

#[test]
fn path_at_names_what_an_error_there_belongs_to() {
    let text = r#"{"a": [1, {"b": "x"}], "c": {"d": tru}, "e": 1 "f": 2}"#;
    let at = |needle: &str| text.find(needle).expect("in the text");
    for (place, want) in [
        (at("1,"), "a[0]"),
        (at("\"x\""), "a[1].b"),
        (at("}]"), "a[1]"),
        (at("]"), "a"),
        (at("\"b\"") + 2, "a[1].b"),
        (at("tru") + 3, "c.d"),
        (at("\"f\""), ""),
        (text.len() + 5, ""),
    ] {
        assert_eq!(
            path_at(text, place),
            want,
            "at {place}: {}",
            &text[place.min(text.len())..]
        );
    }
    // Cut off inside an array, after a comma: the array.
    assert_eq!(path_at("{\"a\": [1, ", 20), "a");
}
