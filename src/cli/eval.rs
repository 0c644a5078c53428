//! `chiso eval`: score the annotator against gold annotations.

use super::EvalArgs;
use chiso::eval::{html_report, parse_document, predict, read_conll, EvalDocument, Report};
use chiso::Annotator;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn gold_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    if path.is_dir() {
        let mut files = Vec::new();
        let entries = std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?;
        for entry in entries {
            let p = entry.map_err(|e| format!("{}: {e}", path.display()))?.path();
            if p.is_dir() {
                files.extend(gold_files(&p)?);
            } else if matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("jsonl" | "conll" | "bio" | "iob")
            ) {
                files.push(p);
            }
        }
        files.sort();
        Ok(files)
    } else if path.exists() {
        Ok(vec![path.to_owned()])
    } else {
        Err(format!("{}: no such file or folder", path.display()))
    }
}

/// Reads JSONL documents (gold or predictions) from `path`, naming file and line on errors.
fn read_jsonl(path: &Path) -> Result<Vec<EvalDocument>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let mut doc = parse_document(line).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?;
        if doc.id.is_empty() {
            doc.id = format!("{}:{}", path.display(), i + 1);
        }
        docs.push(doc);
    }
    Ok(docs)
}

fn parse_map(spec: &[String]) -> Result<HashMap<String, String>, String> {
    let mut map = HashMap::new();
    for item in spec.iter().flat_map(|s| s.split(',')).filter(|s| !s.is_empty()) {
        let (label, kind) = item
            .split_once('=')
            .ok_or(format!("--map {item:?}: expected LABEL=type"))?;
        if !chiso::model::ENTITY_TYPES.contains(&kind) {
            return Err(format!(
                "--map {item:?}: {kind:?} is not an entity type ({})",
                chiso::model::ENTITY_TYPES.join(", ")
            ));
        }
        map.insert(label.to_owned(), kind.to_owned());
    }
    Ok(map)
}

/// Runs `chiso eval`.
pub fn run(args: EvalArgs) -> ExitCode {
    match evaluate(&args) {
        Ok(report) => {
            if args.errors {
                for e in &report.errors {
                    eprintln!("{}\t{}\t{}\t{}", e.id, e.kind, e.entity_type, e.context);
                }
            }
            match args.format {
                super::EvalFormat::Table => print!("{}", report.to_table()),
                super::EvalFormat::Json => println!("{}", report.to_json()),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("chiso eval: {e}");
            ExitCode::from(2)
        }
    }
}

fn evaluate(args: &EvalArgs) -> Result<Report, String> {
    let map = parse_map(&args.map)?;
    let mut gold = Vec::new();
    for file in gold_files(&args.gold)? {
        let is_conll = matches!(file.extension().and_then(|e| e.to_str()), Some("conll" | "bio" | "iob"));
        if is_conll || !map.is_empty() {
            if map.is_empty() {
                return Err(format!("{}: a BIO file needs --map LABEL=type,...", file.display()));
            }
            let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            gold.extend(read_conll(&text, &file.display().to_string(), &map)?);
        } else {
            gold.extend(read_jsonl(&file)?);
        }
    }
    if gold.is_empty() {
        return Err(format!("{}: no gold documents found", args.gold.display()));
    }
    let predicted: Vec<EvalDocument> = match &args.pred {
        Some(path) => {
            let mut by_id: HashMap<String, EvalDocument> = HashMap::new();
            for file in gold_files(path)? {
                for doc in read_jsonl(&file)? {
                    by_id.insert(doc.id.clone(), doc);
                }
            }
            gold.iter()
                .map(|g| {
                    by_id
                        .remove(&g.id)
                        .ok_or(format!("{}: no prediction for document {:?}", path.display(), g.id))
                })
                .collect::<Result<_, _>>()?
        }
        None => {
            let annotator = Annotator::new();
            gold.par_iter().map(|g| predict(&annotator, g)).collect()
        }
    };
    let only: Option<Vec<String>> = (!map.is_empty()).then(|| {
        let mut types: Vec<String> = map.values().cloned().collect();
        types.sort();
        types.dedup();
        types
    });
    let mut report = Report::default();
    for (g, p) in gold.iter().zip(&predicted) {
        if g.text != p.text {
            return Err(format!(
                "document {:?}: the prediction's text differs from the gold text",
                g.id
            ));
        }
        report.add(g, p, only.as_deref());
    }
    if let Some(path) = &args.html {
        let pairs: Vec<(EvalDocument, EvalDocument)> = gold.into_iter().zip(predicted).collect();
        super::sink::write_file_atomically(path, html_report(&pairs, &report).as_bytes())
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    Ok(report)
}
