//! `--query` results as tables: the expression itself is a value (`values::Query`), applied
//! by the printer to the JSON shape of a result before it is rendered in any format.

use serde_json::{Map, Value};

/// Columns and rows of a JSON value, for table and CSV output of a query result:
/// objects become one row each (columns: their keys, in order of first appearance), other values
/// one `VALUE` column; an array of arrays gives positional columns.
pub fn tabulate(v: &Value) -> (Vec<String>, Vec<Vec<String>>) {
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    };
    if !items.is_empty() && items.iter().all(|i| i.is_object()) {
        let mut columns: Vec<String> = Vec::new();
        for i in &items {
            for k in i.as_object().map(Map::keys).into_iter().flatten() {
                if !columns.contains(k) {
                    columns.push(k.clone());
                }
            }
        }
        let rows = items
            .iter()
            .map(|i| {
                columns
                    .iter()
                    .map(|c| i.get(c).map(cell).unwrap_or_default())
                    .collect()
            })
            .collect();
        let headers = columns.iter().map(|c| c.to_uppercase()).collect();
        return (headers, rows);
    }
    if !items.is_empty() && items.iter().all(|i| i.is_array()) {
        let n = items
            .iter()
            .map(|i| i.as_array().map_or(0, Vec::len))
            .max()
            .unwrap_or(0);
        let headers = (1..=n).map(|i| format!("COLUMN{i}")).collect();
        let rows = items
            .iter()
            .map(|i| {
                let a = i.as_array().cloned().unwrap_or_default();
                (0..n)
                    .map(|j| a.get(j).map(cell).unwrap_or_default())
                    .collect()
            })
            .collect();
        return (headers, rows);
    }
    (
        vec!["VALUE".to_string()],
        items.iter().map(|i| vec![cell(i)]).collect(),
    )
}

/// A value as the text of one cell: strings bare, null empty, the rest as compact JSON.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) if a.iter().all(|x| x.is_string()) => a
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(","),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    #[test]
    fn tables_of_any_result() {
        let (h, r) = tabulate(&json!([{"a": 1, "b": ["x", "y"]}, {"c": null}]));
        assert_eq!(h, ["A", "B", "C"]);
        assert_eq!(r, [vec!["1", "x,y", ""], vec!["", "", ""]]);
        let (h, r) = tabulate(&json!(["x", "y"]));
        assert_eq!(h, ["VALUE"]);
        assert_eq!(r, [vec!["x"], vec!["y"]]);
        let (h, r) = tabulate(&json!([["x", 1], ["y"]]));
        assert_eq!(h, ["COLUMN1", "COLUMN2"]);
        assert_eq!(r, [vec!["x", "1"], vec!["y", ""]]);
        assert_eq!(tabulate(&json!("one")).1, [vec!["one"]]);
        assert!(tabulate(&json!(null)).1.is_empty());
    }
}
