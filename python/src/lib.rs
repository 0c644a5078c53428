//! `chiso._chiso`: the Python binding of the chiso annotator (PyO3, abi3).
//!
//! The annotation and its JSON serialization run in Rust with the GIL
//! released (rayon across the documents of a batch); the Python objects are
//! then built by `json.loads`, which measured faster than building the dicts
//! from Rust (see docs/scale.md). The doc comments of the Python-facing items
//! are their Python docstrings (tested by python/tests); the type stubs are
//! `python/chiso/_chiso.pyi`.

use chiso::output::json::{write_document, JsonOptions};
use chiso::output::Offsets;
use chiso::{Date, Document};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyString};
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// How many threads a batch uses.
enum Jobs {
    /// rayon's global pool: every core (or `RAYON_NUM_THREADS`).
    Global,
    /// The calling thread only.
    One,
    /// A pool of its own.
    Pool(rayon::ThreadPool),
}

/// The chiso annotator: build it once and share it (it is thread-safe).
///
/// reference_date: the date partial and relative dates ("ngày 16/6",
/// "năm nay", "hôm qua") resolve against, for texts given no date of their
/// own: a str "YYYY-MM-DD", a datetime.date, or None (such dates then stay
/// unresolved). A bad date raises ValueError with the message of the CLI's
/// --reference-date.
/// jobs: threads that annotate the texts of a batch, 1 to 1024 (None: every core). With
/// a distributed engine that already runs one worker per core, use jobs=1.
///
/// >>> import chiso
/// >>> nlp = chiso.Annotator(reference_date="2023-06-20")
/// >>> doc = nlp.annotate("Ngày 16/6, tỉnh đã giải ngân 1.234,5 tỷ đồng.")
/// >>> [(e["type"], e["text"], e["value"]) for e in doc["entities"]]
/// [('date', 'Ngày 16/6', '2023-06-16'), ('money', '1.234,5 tỷ đồng', 1234500000000)]
#[pyclass(frozen, module = "chiso")]
struct Annotator {
    inner: chiso::Annotator,
    reference_date: Option<Date>,
    jobs: Jobs,
    jobs_count: Option<usize>,
}

/// One document to annotate: the text (None for a missing value) and its date.
type Item = (Option<String>, Option<Date>);

/// The JSON of one document (no final newline), or a panic's message.
fn annotate_one(annotator: &chiso::Annotator, text: &str, date: Option<Date>, tokens: bool) -> Result<String, String> {
    catch_unwind(AssertUnwindSafe(|| {
        let doc = annotator.annotate_dated(text, date);
        document_json(&doc, tokens)
    }))
    .map_err(|panic| {
        let msg = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        format!("chiso: internal error while annotating: {msg}")
    })
}

fn document_json(doc: &Document, tokens: bool) -> String {
    let mut out = Vec::with_capacity(doc.text.len() * if tokens { 8 } else { 3 });
    let options = JsonOptions {
        offsets: Offsets::Chars,
        tokens,
    };
    write_document(doc, options, &mut out);
    out.pop(); // the newline
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// `True` for None, NaN, `pandas.NA` and `pandas.NaT`: a missing value in a column.
fn is_missing(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    if obj.is_none() {
        return Ok(true);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(f.value().is_nan());
    }
    let name = obj.get_type().name()?;
    Ok(matches!(name.to_cow()?.as_ref(), "NAType" | "NaTType"))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// A `str` ("YYYY-MM-DD", parsed as the CLI's `--reference-date`), a
/// `datetime.date` (or `datetime.datetime`, its day) or None.
fn date_arg(obj: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<Date>> {
    let Some(obj) = obj else { return Ok(None) };
    if obj.is_none() {
        return Ok(None);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        return s
            .parse::<Date>()
            .map(Some)
            .map_err(|e| PyValueError::new_err(format!("{what}{e}")));
    }
    let date_type = obj.py().import("datetime")?.getattr("date")?;
    if obj.is_instance(&date_type)? {
        let year: i32 = obj.getattr("year")?.extract()?;
        let month: u32 = obj.getattr("month")?.extract()?;
        let day: u32 = obj.getattr("day")?.extract()?;
        return Date::new(year, month, day).map(Some).ok_or_else(|| {
            PyValueError::new_err(format!("{what}{year:04}-{month:02}-{day:02} is not a calendar day"))
        });
    }
    Err(PyTypeError::new_err(format!(
        "{what}expected a str 'YYYY-MM-DD', a datetime.date or None, not {}",
        type_name(obj)
    )))
}

/// The elements of a list, tuple, any iterable, or of anything with
/// `to_pylist()` (a pyarrow Array or ChunkedArray).
fn elements<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a list of str or a pyarrow string array, not a single str"
        )));
    }
    let list = if obj.hasattr("to_pylist")? {
        obj.call_method0("to_pylist")?
    } else {
        obj.clone()
    };
    if let Ok(list) = list.cast::<PyList>() {
        return Ok(list.iter().collect());
    }
    let iter = list.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be a list of str or a pyarrow string array, not {}",
            type_name(obj)
        ))
    })?;
    iter.collect()
}

impl Annotator {
    /// Reads `texts` and `dates` into owned documents (with the GIL held).
    /// A text's date is its own (from `dates`), else `common`, else the reference date.
    fn items(
        &self,
        texts: &Bound<'_, PyAny>,
        dates: Option<&Bound<'_, PyAny>>,
        common: Option<Date>,
    ) -> PyResult<Vec<Item>> {
        let texts = elements(texts, "texts")?;
        let dates = match dates {
            Some(d) if !d.is_none() => {
                if d.is_instance_of::<PyString>() {
                    return Err(PyTypeError::new_err(
                        "dates must be a list (one date or None per text), not a single str; \
                         use Annotator(reference_date=...) for one date for all",
                    ));
                }
                let dates = elements(d, "dates")?;
                if dates.len() != texts.len() {
                    return Err(PyValueError::new_err(format!(
                        "dates has {} elements but texts has {}",
                        dates.len(),
                        texts.len()
                    )));
                }
                Some(dates)
            }
            _ => None,
        };
        let mut items = Vec::with_capacity(texts.len());
        for (i, t) in texts.iter().enumerate() {
            let text = if let Ok(s) = t.cast::<PyString>() {
                Some(s.to_cow()?.into_owned())
            } else if is_missing(t)? {
                None
            } else {
                return Err(PyTypeError::new_err(format!("texts[{i}] is {}, not str", type_name(t))));
            };
            let date = match &dates {
                Some(dates) if !is_missing(&dates[i])? => date_arg(Some(&dates[i]), &format!("dates[{i}]: "))?,
                _ => None,
            };
            items.push((text, date.or(common).or(self.reference_date)));
        }
        Ok(items)
    }
}

/// Documents per message of [`Annotator::pipeline`]: enough text to keep
/// every thread busy, little enough to start the Python side early.
const CHUNK_BYTES: usize = 512 * 1024;

impl Annotator {
    /// The batch calls' list: each text's JSON document converted by
    /// `to_py`, or None for a missing text, in order.
    fn batch_list<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        dates: Option<&Bound<'py, PyAny>>,
        tokens: bool,
        to_py: impl Fn(&str) -> PyResult<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let items = self.items(texts, dates, None)?;
        let out = PyList::empty(py);
        self.pipeline(py, &items, tokens, |_, json| match json {
            Some(json) => out.append(to_py(json)?),
            None => out.append(py.None()),
        })?;
        Ok(out)
    }

    /// Annotates `items` on a thread of its own (rayon for each chunk) while
    /// the calling thread, holding the GIL, hands each document's JSON in
    /// order to `consume`: the Python objects of one chunk are built while
    /// the next is annotated. At most two chunks wait at a time. Signals
    /// (Ctrl-C) are checked after each chunk.
    fn pipeline(
        &self,
        py: Python<'_>,
        items: &[Item],
        tokens: bool,
        mut consume: impl FnMut(usize, Option<&str>) -> PyResult<()>,
    ) -> PyResult<()> {
        let mut chunks = Vec::new();
        let (mut start, mut bytes) = (0, 0);
        for (i, item) in items.iter().enumerate() {
            bytes += item.0.as_ref().map_or(0, |t| t.len()) + 1;
            if bytes >= CHUNK_BYTES || i + 1 == items.len() {
                chunks.push(start..i + 1);
                (start, bytes) = (i + 1, 0);
            }
        }
        type Chunk = Result<Vec<Option<String>>, String>;
        let (tx, rx) = std::sync::mpsc::sync_channel::<Chunk>(2);
        let rx = std::sync::Mutex::new(rx);
        std::thread::scope(move |scope| {
            scope.spawn(move || {
                for range in chunks {
                    let chunk = self.annotate_items(&items[range], tokens);
                    let failed = chunk.is_err();
                    // A closed channel: the Python side stopped on an error.
                    if tx.send(chunk).is_err() || failed {
                        break;
                    }
                }
            });
            let mut index = 0;
            let mut receive = || -> PyResult<()> {
                while let Ok(chunk) = py.detach(|| rx.lock().expect("one receiver").recv()) {
                    for json in chunk.map_err(PyRuntimeError::new_err)? {
                        consume(index, json.as_deref())?;
                        index += 1;
                    }
                    // Ctrl-C stops a long batch between chunks (KeyboardInterrupt).
                    py.check_signals()?;
                }
                Ok(())
            };
            let result = receive();
            // On an error, closing the channel stops the annotating thread
            // (blocked on a full channel or at its next chunk) before the
            // scope waits for it.
            drop(rx);
            result
        })
    }

    /// Annotates the items on this thread and the chosen pool: their JSON, in order.
    fn annotate_items(&self, items: &[Item], tokens: bool) -> Result<Vec<Option<String>>, String> {
        let inner = &self.inner;
        let one = |item: &Item| -> Result<Option<String>, String> {
            match &item.0 {
                Some(text) => annotate_one(inner, text, item.1, tokens).map(Some),
                None => Ok(None),
            }
        };
        match &self.jobs {
            Jobs::One => items.iter().map(one).collect(),
            Jobs::Global => items.par_iter().map(one).collect(),
            Jobs::Pool(pool) => pool.install(|| items.par_iter().map(one).collect()),
        }
    }
}

/// `json.loads(s)`.
fn loads<'py>(loads: &Bound<'py, PyAny>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    loads.call1((json,))
}

fn json_loads(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    py.import("json")?.getattr("loads")
}

#[pymethods]
impl Annotator {
    #[new]
    #[pyo3(signature = (reference_date=None, *, jobs=None))]
    fn new(py: Python<'_>, reference_date: Option<&Bound<'_, PyAny>>, jobs: Option<usize>) -> PyResult<Self> {
        let reference_date = date_arg(reference_date, "reference_date: ")?;
        let jobs_mode = match jobs {
            None => Jobs::Global,
            Some(0) => return Err(PyValueError::new_err("jobs must be at least 1")),
            // As the CLI's --jobs: more threads only cost memory, and the
            // system may refuse to start them.
            Some(n) if n > 1024 => return Err(PyValueError::new_err(format!("jobs must be at most 1024, not {n}"))),
            Some(1) => Jobs::One,
            Some(n) => Jobs::Pool(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| PyRuntimeError::new_err(format!("cannot start {n} threads: {e}")))?,
            ),
        };
        // Building loads the grammars (once per process); no Python object is touched.
        let inner = py.detach(chiso::Annotator::new);
        Ok(Annotator {
            inner,
            reference_date,
            jobs: jobs_mode,
            jobs_count: jobs,
        })
    }

    /// The reference date as a str "YYYY-MM-DD", or None.
    #[getter]
    fn reference_date(&self) -> Option<String> {
        self.reference_date.map(|d| d.to_string())
    }

    /// The number of threads of a batch, or None for every core.
    #[getter]
    fn jobs(&self) -> Option<usize> {
        self.jobs_count
    }

    fn __repr__(&self) -> String {
        let date = match self.reference_date {
            Some(d) => format!("'{d}'"),
            None => "None".into(),
        };
        match self.jobs_count {
            Some(n) => format!("chiso.Annotator(reference_date={date}, jobs={n})"),
            None => format!("chiso.Annotator(reference_date={date})"),
        }
    }

    /// The document of ``annotate`` as one JSON str (what ``chiso annotate``
    /// writes on one line), built without creating Python objects: the fast
    /// way to store documents (JSONL, a Parquet string column).
    ///
    /// >>> import chiso, json
    /// >>> line = chiso.Annotator().annotate_json("Tăng 3,4%.", tokens=False)
    /// >>> json.loads(line)["entities"]
    /// [{'type': 'percent', 'start': 5, 'end': 9, 'text': '3,4%', 'value': 3.4}]
    #[pyo3(signature = (text, date=None, *, tokens=true))]
    fn annotate_json(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        date: Option<&Bound<'_, PyAny>>,
        tokens: bool,
    ) -> PyResult<String> {
        let text = text
            .cast::<PyString>()
            .map_err(|_| PyTypeError::new_err(format!("text must be str, not {}", type_name(text))))?
            .to_cow()?
            .into_owned();
        let date = date_arg(date, "date: ")?.or(self.reference_date);
        let inner = &self.inner;
        py.detach(|| annotate_one(inner, &text, date, tokens))
            .map_err(PyRuntimeError::new_err)
    }

    /// Annotates one text: a dict with "date" (when known), "text",
    /// "sentences", "tokens" (unless tokens=False, which is several times
    /// faster), "entities" and "statistics", as described in docs/format.md.
    /// Offsets count code points: ``text[e["start"]:e["end"]] == e["text"]``.
    ///
    /// date: this text's date (str "YYYY-MM-DD" or datetime.date), instead
    /// of the annotator's reference_date. ValueError for a bad date,
    /// TypeError for a text that is not a str.
    ///
    /// >>> import chiso
    /// >>> nlp = chiso.Annotator()
    /// >>> doc = nlp.annotate("Hôm qua, giá xăng giảm 500 đồng.", date="2024-03-15")
    /// >>> [(e["type"], e["text"], e["value"]) for e in doc["entities"]]
    /// [('date', 'Hôm qua', '2024-03-14'), ('money', '500 đồng', 500)]
    /// >>> doc = nlp.annotate("Năm 2023, sản lượng lúa đạt 1.234,5 nghìn tấn, tăng 3,4%.")
    /// >>> [(s["indicator"], s["value"], s["unit"], s["change"]) for s in doc["statistics"]]
    /// [('sản lượng lúa', 1234500, 'tấn', 'level'), ('sản lượng lúa', 3.4, '%', 'increase')]
    #[pyo3(signature = (text, date=None, *, tokens=true))]
    fn annotate<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
        tokens: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let json = self.annotate_json(py, text, date, tokens)?;
        loads(&json_loads(py)?, &json)
    }

    /// ``annotate_json`` for many texts, on every core: a list of JSON str
    /// (None for a missing text). Takes the same arguments as
    /// ``annotate_batch``.
    #[pyo3(signature = (texts, dates=None, *, tokens=true))]
    fn annotate_batch_json<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        dates: Option<&Bound<'py, PyAny>>,
        tokens: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        self.batch_list(py, texts, dates, tokens, |json| Ok(PyString::new(py, json).into_any()))
    }

    /// Annotates many texts on every core (the GIL is released while they
    /// are annotated): the list of their documents, in order, equal to
    /// ``[annotate(t, d) for t, d in zip(texts, dates)]``.
    ///
    /// texts: a list (or any iterable) of str, or a pyarrow string array
    /// (Array or ChunkedArray, anything with ``to_pylist()``). A missing
    /// value (None, NaN, pandas.NA) gives None.
    /// dates: None, or one date per text (str, datetime.date or None for the
    /// reference date); a list of another length raises ValueError.
    ///
    /// >>> import chiso
    /// >>> nlp = chiso.Annotator(reference_date="2023-06-20")
    /// >>> docs = nlp.annotate_batch(["Tháng 5/2024, tỉnh có 3.120 hộ nghèo.", "Ngày 2/9 là Quốc khánh.", None],
    /// ...                           dates=["2024-06-01", None, None], tokens=False)
    /// >>> [[(e["text"], e["value"]) for e in d["entities"]] if d else d for d in docs]
    /// [[('Tháng 5/2024', '2024-05'), ('3.120 hộ', 3120)], [('Ngày 2/9', '2023-09-02')], None]
    #[pyo3(signature = (texts, dates=None, *, tokens=true))]
    fn annotate_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        dates: Option<&Bound<'py, PyAny>>,
        tokens: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let loads_fn = json_loads(py)?;
        self.batch_list(py, texts, dates, tokens, |json| loads(&loads_fn, json))
    }

    /// The statistics records of one text, or of many (on every core): a
    /// list of dicts with "indicator", "value" (or "min"/"max"), "unit",
    /// "change", "base", "qualifier", "period", "place" and the clause's
    /// "start", "end" and "text". For a list of texts each record also has
    /// "index", the position of its text in the list.
    ///
    /// date: for one text, its date; for a list, one date for all or one per
    /// text (as ``annotate_batch``'s dates).
    ///
    /// >>> import chiso
    /// >>> records = chiso.Annotator().statistics(
    /// ...     ["Quý III/2023, xuất khẩu thủy sản đạt 2,1 tỷ USD, giảm 5% so với cùng kỳ.", "Trời mưa."])
    /// >>> [(r["index"], r["indicator"], r["value"], r["unit"], r["change"], r["period"]["value"]) for r in records]
    /// [(0, 'xuất khẩu thủy sản', 2100000000, 'USD', 'level', '2023-Q3'), (0, 'xuất khẩu thủy sản', 5, '%', 'decrease', '2023-Q3')]
    #[pyo3(signature = (text_or_texts, date=None))]
    fn statistics<'py>(
        &self,
        py: Python<'py>,
        text_or_texts: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let loads_fn = json_loads(py)?;
        let out = PyList::empty(py);
        if text_or_texts.is_instance_of::<PyString>() {
            let json = self.annotate_json(py, text_or_texts, date, false)?;
            let doc = loads(&loads_fn, &json)?;
            for record in doc.get_item("statistics")?.try_iter()? {
                out.append(record?)?;
            }
            return Ok(out);
        }
        // One date for every text, or one per text.
        let date_type = py.import("datetime")?.getattr("date")?;
        let items = match date {
            Some(d) if d.is_instance_of::<PyString>() || d.is_instance(&date_type)? => {
                self.items(text_or_texts, None, date_arg(Some(d), "date: ")?)?
            }
            _ => self.items(text_or_texts, date, None)?,
        };
        self.pipeline(py, &items, false, |i, json| {
            let Some(json) = json else { return Ok(()) };
            let doc = loads(&loads_fn, json)?;
            for record in doc.get_item("statistics")?.try_iter()? {
                let record = record?;
                record.cast::<PyDict>()?.set_item("index", i)?;
                out.append(record)?;
            }
            Ok(())
        })?;
        Ok(out)
    }
}

/// The compiled part of the `chiso` package.
#[pymodule]
fn _chiso(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Annotator>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    // The columns of `chiso stats --format csv`, for chiso.columns.
    m.add("CSV_COLUMNS", chiso::statistics::CSV_COLUMNS.to_vec())?;
    Ok(())
}
