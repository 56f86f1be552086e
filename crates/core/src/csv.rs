//! CSV as RFC 4180 writes it (quoted fields, doubled quotes, CRLF line ends), for the files
//! officials open in spreadsheets. A cell that a spreadsheet would run as a formula (starting
//! with `=`, `+`, `-` or `@`) is written behind an apostrophe, which spreadsheets hide and
//! [`parse`] strips again.

/// What stops a text being read as CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted field opened on this line (1-based) never closes: the file is cut short.
    UnclosedQuote { line: usize },
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CsvError::UnclosedQuote { line } => {
                write!(f, "a quoted cell that starts on line {line} never ends: is the file cut short?")
            }
        }
    }
}

/// One cell, quoted when it must be and defused when a spreadsheet would run it.
pub fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_owned() };
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text }
}

/// One row of already-made cells, with its CRLF line end.
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = cells.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

/// The rows of a CSV text, each with its 1-based line number. Accepts CRLF or LF and a leading
/// byte-order mark (spreadsheets write one); skips blank lines; strips the formula guard.
pub fn parse(text: &str) -> Result<Vec<(usize, Vec<String>)>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let (mut quoted, mut was_quoted) = (false, false);
    let (mut line, mut row_line, mut quote_line) = (1, 1, 1);
    let mut chars = text.chars().peekable();
    let finish_field = |field: &mut String, was_quoted: &mut bool, fields: &mut Vec<String>| {
        let mut value = std::mem::take(field);
        if !*was_quoted {
            value = value.trim().to_owned();
        }
        if value.starts_with('\'') && value[1..].starts_with(['=', '+', '-', '@']) {
            value.remove(0);
        }
        fields.push(value);
        *was_quoted = false;
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
                was_quoted = true;
                quote_line = line;
            }
            ',' => finish_field(&mut field, &mut was_quoted, &mut fields),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                finish_field(&mut field, &mut was_quoted, &mut fields);
                if !(fields.len() == 1 && fields[0].is_empty()) {
                    rows.push((row_line, std::mem::take(&mut fields)));
                }
                fields.clear();
                line += 1;
                row_line = line;
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(CsvError::UnclosedQuote { line: quote_line });
    }
    if !field.is_empty() || was_quoted || !fields.is_empty() {
        finish_field(&mut field, &mut was_quoted, &mut fields);
        if !(fields.len() == 1 && fields[0].is_empty()) {
            rows.push((row_line, fields));
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[(usize, Vec<String>)]) -> Vec<Vec<&str>> {
        rows.iter().map(|(_, r)| r.iter().map(String::as_str).collect()).collect()
    }

    #[test]
    fn reads_what_it_writes() {
        let written = [
            row(&[cell("code"), cell("note")]),
            row(&[cell("T1.1"), cell("等了\"两个\"小时, 太慢\n下次再来")]),
            row(&[cell("T1.2"), cell("=HYPERLINK(\"x\")")]),
            row(&[cell("T1.3"), cell("-5")]),
        ]
        .concat();
        let rows = parse(&written).unwrap();
        assert_eq!(
            cells(&rows),
            vec![
                vec!["code", "note"],
                vec!["T1.1", "等了\"两个\"小时, 太慢\n下次再来"],
                vec!["T1.2", "=HYPERLINK(\"x\")"],
                vec!["T1.3", "-5"],
            ]
        );
        assert_eq!(rows.iter().map(|(line, _)| *line).collect::<Vec<_>>(), vec![1, 2, 4, 5]);
    }

    #[test]
    fn accepts_a_byte_order_mark_lf_endings_blank_lines_and_a_missing_last_newline() {
        let rows = parse("\u{feff}a,b\n\n1, 2 \n3,").unwrap();
        assert_eq!(cells(&rows), vec![vec!["a", "b"], vec!["1", "2"], vec!["3", ""]]);
    }

    #[test]
    fn a_cut_short_quoted_cell_is_an_error_naming_its_line() {
        assert_eq!(parse("a,b\n1,\"never ends\n"), Err(CsvError::UnclosedQuote { line: 2 }));
    }
}
