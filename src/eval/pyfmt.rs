//! Values printed the way Python prints them, so that `newsgraph eval`
//! writes what `score.py` writes: `repr()` for `--verbose` lines and
//! `json.dumps(..., indent=1)` (ASCII-escaped) for `--json`.

use std::fmt::Write as _;

/// A Python value as the scorer's misses and report hold them.
#[derive(Debug, Clone, PartialEq)]
pub enum Py {
    /// `None` (`null` in JSON).
    None,
    /// An `int`.
    Int(i128),
    /// A `float`.
    Float(f64),
    /// A `str`.
    Str(String),
    /// A `tuple` (a list in JSON).
    Tuple(Vec<Py>),
    /// A `list`.
    List(Vec<Py>),
    /// A `dict` with string keys, in insertion order.
    Dict(Vec<(String, Py)>),
}

impl Py {
    /// A string value.
    pub fn str(s: impl Into<String>) -> Py {
        Py::Str(s.into())
    }

    /// A string, or `None` when absent.
    pub fn opt(s: Option<&str>) -> Py {
        s.map_or(Py::None, Py::str)
    }

    /// Python's `repr()` of the value.
    pub fn repr(&self) -> String {
        match self {
            Py::None => "None".to_string(),
            Py::Int(i) => i.to_string(),
            Py::Float(x) => float_repr(*x),
            Py::Str(s) => str_repr(s),
            Py::Tuple(items) if items.len() == 1 => format!("({},)", items[0].repr()),
            Py::Tuple(items) => format!("({})", join_repr(items)),
            Py::List(items) => format!("[{}]", join_repr(items)),
            Py::Dict(pairs) => {
                let inner: Vec<String> = pairs.iter().map(|(k, v)| format!("{}: {}", str_repr(k), v.repr())).collect();
                format!("{{{}}}", inner.join(", "))
            }
        }
    }

    /// Python's `json.dumps(value, indent=1)`.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out, 0);
        out
    }

    fn write_json(&self, out: &mut String, depth: usize) {
        match self {
            Py::None => out.push_str("null"),
            Py::Int(i) => out.push_str(&i.to_string()),
            Py::Float(x) => out.push_str(&float_json(*x)),
            Py::Str(s) => out.push_str(&str_json(s)),
            Py::Tuple(items) | Py::List(items) => {
                write_json_block(out, depth, '[', ']', items, |out, item, d| item.write_json(out, d));
            }
            Py::Dict(pairs) => {
                write_json_block(out, depth, '{', '}', pairs, |out, (k, v), d| {
                    out.push_str(&str_json(k));
                    out.push_str(": ");
                    v.write_json(out, d);
                });
            }
        }
    }
}

fn join_repr(items: &[Py]) -> String {
    items.iter().map(Py::repr).collect::<Vec<_>>().join(", ")
}

/// One JSON array or object, one item a line, indented one space per level.
fn write_json_block<T>(out: &mut String, depth: usize, open: char, close: char, items: &[T], item: impl Fn(&mut String, &T, usize)) {
    out.push(open);
    if items.is_empty() {
        out.push(close);
        return;
    }
    for (i, x) in items.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&" ".repeat(depth + 1));
        item(out, x, depth + 1);
    }
    out.push('\n');
    out.push_str(&" ".repeat(depth));
    out.push(close);
}

/// Python's `repr(float)`: the shortest digits that read back the same, in
/// positional notation from 1e-4 up to 1e16, in exponent notation outside.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sci = format!("{:e}", x.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let decpt = exponent.parse::<i32>().unwrap_or(0) + 1;
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if decpt > -4 && decpt <= 16 {
        format!("{sign}{}", positional(&digits, decpt))
    } else {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        let fraction = if rest.is_empty() { String::new() } else { format!(".{rest}") };
        let e = decpt - 1;
        format!("{sign}{first}{fraction}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
    }
}

/// Digits `d1d2...` with the decimal point after `decpt` of them (0.d1d2... × 10^decpt).
fn positional(digits: &str, decpt: i32) -> String {
    let n = digits.len() as i32;
    if decpt <= 0 {
        format!("0.{}{digits}", "0".repeat((-decpt) as usize))
    } else if decpt >= n {
        format!("{digits}{}.0", "0".repeat((decpt - n) as usize))
    } else {
        let (int, frac) = digits.split_at(decpt as usize);
        format!("{int}.{frac}")
    }
}

/// A float in Python's JSON: its `repr`, with JavaScript's names for the specials.
fn float_json(x: f64) -> String {
    match float_repr(x).as_str() {
        "nan" => "NaN".to_string(),
        "inf" => "Infinity".to_string(),
        "-inf" => "-Infinity".to_string(),
        other => other.to_string(),
    }
}

/// Python's `repr(str)`: single quotes unless the text has a single quote and
/// no double quote; control and invisible characters escaped.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c < ' ' || c == '\x7f' => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_ascii() || printable(c) => out.push(c),
            c => out.push_str(&hex_escape(c)),
        }
    }
    out.push(quote);
    out
}

fn hex_escape(c: char) -> String {
    match c as u32 {
        n if n <= 0xff => format!("\\x{n:02x}"),
        n if n <= 0xffff => format!("\\u{n:04x}"),
        n => format!("\\U{n:08x}"),
    }
}

/// Python's `str.isprintable()` for one non-ASCII character: false for
/// controls, format characters, private use and separators other than the
/// space. (Unassigned code points, which Python also escapes, print as they are.)
fn printable(c: char) -> bool {
    const HIDDEN: &[(u32, u32)] = &[
        (0x80, 0xa0),
        (0xad, 0xad),
        (0x600, 0x605),
        (0x61c, 0x61c),
        (0x6dd, 0x6dd),
        (0x70f, 0x70f),
        (0x890, 0x891),
        (0x8e2, 0x8e2),
        (0x1680, 0x1680),
        (0x180e, 0x180e),
        (0x2000, 0x200f),
        (0x2028, 0x202f),
        (0x205f, 0x2064),
        (0x2066, 0x206f),
        (0x3000, 0x3000),
        (0xe000, 0xf8ff),
        (0xfeff, 0xfeff),
        (0xfff9, 0xfffb),
        (0x110bd, 0x110bd),
        (0x110cd, 0x110cd),
        (0x13430, 0x1343f),
        (0x1bca0, 0x1bca3),
        (0x1d173, 0x1d17a),
        (0xe0001, 0xe0001),
        (0xe0020, 0xe007f),
        (0xf0000, 0x10ffff),
    ];
    let n = c as u32;
    !HIDDEN.iter().any(|(lo, hi)| (*lo..=*hi).contains(&n))
}

/// A string in Python's JSON with `ensure_ascii`: everything outside
/// printable ASCII as `\uXXXX` (surrogate pairs above U+FFFF).
fn str_json(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected strings are what Python 3 prints for the same values.

    #[test]
    fn floats_print_like_python_repr() {
        let cases = [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (14.0, "14.0"),
            (48250.0, "48250.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (1e16, "1e+16"),
            (1234567890123456.0, "1234567890123456.0"),
            (12345678901234567.0, "1.2345678901234568e+16"),
            (0.1 + 0.2, "0.30000000000000004"),
            (2.0 / 3.0, "0.6666666666666666"),
            (-2.5e-5, "-2.5e-05"),
            (123.456, "123.456"),
            (f64::INFINITY, "inf"),
            (f64::NAN, "nan"),
        ];
        for (x, expected) in cases {
            assert_eq!(float_repr(x), expected, "repr({x:?})");
        }
    }

    #[test]
    fn strings_print_like_python_repr() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("say \"hi\""), "'say \"hi\"'");
        assert_eq!(str_repr("both ' and \""), "'both \\' and \"'");
        assert_eq!(
            str_repr("tab\there\nnl\\ \x7f \x1b \u{e9} \u{a0} \u{ad} \u{200b} \u{2028} \u{1F600} \u{e000} \u{3000}"),
            "'tab\\there\\nnl\\\\ \\x7f \\x1b \u{e9} \\xa0 \\xad \\u200b \\u2028 \u{1F600} \\ue000 \\u3000'"
        );
    }

    #[test]
    fn tuples_print_like_python() {
        let t = Py::Tuple(vec![Py::str("a.txt"), Py::None, Py::Int(14), Py::Float(0.5)]);
        assert_eq!(t.repr(), "('a.txt', None, 14, 0.5)");
    }

    #[test]
    fn json_matches_python_indent_1() {
        let v = Py::Dict(vec![
            ("a".into(), Py::List(vec![Py::Int(1), Py::Float(2.5), Py::List(vec![]), Py::Dict(vec![])])),
            ("b".into(), Py::Dict(vec![])),
            ("c".into(), Py::str("\u{e9}\x7f\"\\\n\x01\u{1F600}")),
            ("d".into(), Py::List(vec![Py::Tuple(vec![Py::None, Py::str("x")])])),
        ]);
        let expected = "{\n \"a\": [\n  1,\n  2.5,\n  [],\n  {}\n ],\n \"b\": {},\n \
                        \"c\": \"\\u00e9\\u007f\\\"\\\\\\n\\u0001\\ud83d\\ude00\",\n \"d\": [\n  [\n   null,\n   \"x\"\n  ]\n ]\n}";
        assert_eq!(v.to_json(), expected);
    }
}
