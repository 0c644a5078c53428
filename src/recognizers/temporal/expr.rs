//! The partial temporal value that recognition produces and resolution reads.
//!
//! Recognition cannot know the year of "ngày 16/6" or the day of "hôm qua":
//! it records what the text says as an [`Expr`]. The candidate carries it
//! encoded in its value ([`encode`]: a `~` followed by a compact prefix
//! notation of the expression, in `Temporal::value`), and
//! [`super::Temporal`]'s `finish` decodes it and replaces it with the
//! resolved value. Nothing encoded ever leaves `Annotator::annotate`.

/// A year as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Year {
    /// "2023".
    Abs(i32),
    /// "năm nay" (0), "năm ngoái" (-1): relative to the reference year.
    Rel(i32),
    /// Not written: the nearest to the reference, else the document's year.
    Unknown,
}

/// The year of a lunar date as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LunarYear {
    /// "Tết Nguyên đán 2024": the solar year its Tết falls in.
    Abs(i32),
    /// "Tết Giáp Thìn": stem 0–9 and branch 0–11.
    Named(u32, u32),
    /// Not written: the nearest to the reference.
    Unknown,
}

/// A point or stretch of time as written, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A day of a month: "16/6/2023", "ngày 16/6", "mồng 5" (month unknown).
    Day {
        /// The year.
        y: Year,
        /// The month, when written.
        m: Option<u32>,
        /// The day.
        d: u32,
    },
    /// A month: "tháng 6/2023", "tháng Sáu".
    Month {
        /// The year.
        y: Year,
        /// The month.
        m: u32,
    },
    /// A year: "năm 2023", "năm nay".
    Year(Year),
    /// "hôm qua" (-1), "ngày mai" (1).
    RelDay(i32),
    /// "tuần này" (0), "tuần trước" (-1).
    RelWeek(i32),
    /// "tháng này" (0), "tháng trước" (-1).
    RelMonth(i32),
    /// "quý này" (0), "quý trước" (-1).
    RelQuarter(i32),
    /// "thứ Hai", "thứ Sáu (15/3)", "thứ Hai tuần trước".
    Weekday {
        /// 1 = Monday … 7 = Sunday.
        wd: u32,
        /// The date written with it, if any.
        date: Option<Box<Expr>>,
        /// Week offset when "tuần này/trước/tới" follows.
        week: Option<i32>,
    },
    /// "quý III/2023".
    Quarter {
        /// 1–4.
        q: u32,
        /// The year.
        y: Year,
    },
    /// "6 tháng đầu năm 2023" (1), "6 tháng cuối năm" (2).
    Half {
        /// 1 or 2.
        h: u32,
        /// The year.
        y: Year,
    },
    /// Months `a..=b` of a year: "9 tháng năm 2023" (1–9).
    Months {
        /// First month.
        a: u32,
        /// Last month.
        b: u32,
        /// The year.
        y: Year,
    },
    /// đầu/giữa/cuối (0/1/2) of a month or year expression.
    Part {
        /// 0 early, 1 mid, 2 late.
        part: u8,
        /// The month or year.
        of: Box<Expr>,
    },
    /// "giai đoạn 2021-2025".
    Years(i32, i32),
    /// "từ X đến Y".
    Range(Box<Expr>, Box<Expr>),
    /// "từ đầu năm đến nay": from the start of the expression to the reference date.
    ToDate(Box<Expr>),
    /// "từ nay đến cuối năm": from the reference date to the end of the expression.
    FromNow(Box<Expr>),
    /// "thế kỷ XX" (20).
    Century(i32),
    /// "thập niên 90" (90, century unknown) or "thập niên 1990".
    Decade(i32),
    /// "14 giờ 30 phút chiều 12/10".
    Time {
        /// Hour 0–23 (after the part of the day moved it).
        h: u32,
        /// Minute.
        min: u32,
        /// The day it is on, if written.
        on: Option<Box<Expr>>,
    },
    /// "Sáng 5/9", "chiều nay".
    PartOfDay {
        /// TIMEX code: MO, MI, AF, EV, NI.
        pod: &'static str,
        /// The day.
        on: Box<Expr>,
    },
    /// A lunar date ("mùng 1 Tết", "rằm tháng Giêng", "15/8 âm lịch") or, with
    /// no day, a lunar month ("tháng 7 âm lịch").
    Lunar {
        /// Day 1–30, when written.
        d: Option<u32>,
        /// Month 1–12.
        m: u32,
        /// The leap (nhuận) month.
        leap: bool,
        /// The lunar year.
        y: LunarYear,
    },
    /// A numbered ISO week: "tuần 34" → `2024-W34`.
    Week {
        /// 1–53.
        w: u32,
        /// The year.
        y: Year,
    },
}

/// The prefix that marks an encoded, unresolved value.
pub const MARK: char = '~';

/// Encodes `e` for a candidate's `Temporal::value`: [`MARK`], then each
/// node as one tag letter followed by its fields, numbers in decimal each
/// closed by `,`, a missing field as `_` ("ngày 16/6" → `~dU6,16,`).
pub fn encode(e: &Expr) -> String {
    let mut s = String::with_capacity(24);
    s.push(MARK);
    write_expr(e, &mut s);
    s
}

/// Decodes a value written by [`encode`]; `None` for an already resolved value.
pub fn decode(s: &str) -> Option<Expr> {
    let mut r = Reader {
        b: s.strip_prefix(MARK)?.as_bytes(),
        at: 0,
    };
    let e = r.expr()?;
    (r.at == r.b.len()).then_some(e)
}

fn write_num(n: i64, s: &mut String) {
    if n < 0 {
        s.push('-');
    }
    s.push_str(crate::decimal::Digits::of(n.unsigned_abs()).as_str());
    s.push(',');
}

fn write_opt(n: Option<u32>, s: &mut String) {
    match n {
        Some(n) => write_num(n.into(), s),
        None => s.push('_'),
    }
}

fn write_year(y: &Year, s: &mut String) {
    match y {
        Year::Abs(y) => {
            s.push('A');
            write_num((*y).into(), s);
        }
        Year::Rel(k) => {
            s.push('R');
            write_num((*k).into(), s);
        }
        Year::Unknown => s.push('U'),
    }
}

fn write_boxed(e: &Option<Box<Expr>>, s: &mut String) {
    match e {
        Some(e) => write_expr(e, s),
        None => s.push('_'),
    }
}

fn write_expr(e: &Expr, s: &mut String) {
    let num = |n: u32, s: &mut String| write_num(n.into(), s);
    let int = |n: i32, s: &mut String| write_num(n.into(), s);
    match e {
        Expr::Day { y, m, d } => {
            s.push('d');
            write_year(y, s);
            write_opt(*m, s);
            num(*d, s);
        }
        Expr::Month { y, m } => {
            s.push('m');
            write_year(y, s);
            num(*m, s);
        }
        Expr::Year(y) => {
            s.push('y');
            write_year(y, s);
        }
        Expr::RelDay(k) => {
            s.push('r');
            int(*k, s);
        }
        Expr::RelWeek(k) => {
            s.push('w');
            int(*k, s);
        }
        Expr::RelMonth(k) => {
            s.push('n');
            int(*k, s);
        }
        Expr::RelQuarter(k) => {
            s.push('q');
            int(*k, s);
        }
        Expr::Weekday { wd, date, week } => {
            s.push('k');
            num(*wd, s);
            write_boxed(date, s);
            match week {
                Some(k) => int(*k, s),
                None => s.push('_'),
            }
        }
        Expr::Quarter { q, y } => {
            s.push('Q');
            num(*q, s);
            write_year(y, s);
        }
        Expr::Half { h, y } => {
            s.push('H');
            num(*h, s);
            write_year(y, s);
        }
        Expr::Months { a, b, y } => {
            s.push('M');
            num(*a, s);
            num(*b, s);
            write_year(y, s);
        }
        Expr::Part { part, of } => {
            s.push('P');
            num((*part).into(), s);
            write_expr(of, s);
        }
        Expr::Years(a, b) => {
            s.push('Y');
            int(*a, s);
            int(*b, s);
        }
        Expr::Range(a, b) => {
            s.push('G');
            write_expr(a, s);
            write_expr(b, s);
        }
        Expr::ToDate(a) => {
            s.push('T');
            write_expr(a, s);
        }
        Expr::FromNow(a) => {
            s.push('F');
            write_expr(a, s);
        }
        Expr::Century(c) => {
            s.push('C');
            int(*c, s);
        }
        Expr::Decade(d) => {
            s.push('D');
            int(*d, s);
        }
        Expr::Time { h, min, on } => {
            s.push('t');
            num(*h, s);
            num(*min, s);
            write_boxed(on, s);
        }
        Expr::PartOfDay { pod, on } => {
            s.push('p');
            s.push_str(pod);
            s.push(',');
            write_expr(on, s);
        }
        Expr::Lunar { d, m, leap, y } => {
            s.push('L');
            write_opt(*d, s);
            num(*m, s);
            s.push(if *leap { '1' } else { '0' });
            match y {
                LunarYear::Abs(y) => {
                    s.push('A');
                    int(*y, s);
                }
                LunarYear::Named(stem, branch) => {
                    s.push('N');
                    num(*stem, s);
                    num(*branch, s);
                }
                LunarYear::Unknown => s.push('U'),
            }
        }
        Expr::Week { w, y } => {
            s.push('W');
            num(*w, s);
            write_year(y, s);
        }
    }
}

/// Reads what [`encode`] wrote.
struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.b.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    /// `_` (consumed) or not.
    fn missing(&mut self) -> bool {
        let missing = self.b.get(self.at) == Some(&b'_');
        self.at += usize::from(missing);
        missing
    }

    fn int(&mut self) -> Option<i32> {
        let end = self.at + self.b[self.at..].iter().position(|&b| b == b',')?;
        let n = std::str::from_utf8(&self.b[self.at..end]).ok()?.parse().ok()?;
        self.at = end + 1;
        Some(n)
    }

    fn num(&mut self) -> Option<u32> {
        u32::try_from(self.int()?).ok()
    }

    fn opt(&mut self) -> Option<Option<u32>> {
        if self.missing() {
            return Some(None);
        }
        self.num().map(Some)
    }

    fn year(&mut self) -> Option<Year> {
        Some(match self.byte()? {
            b'A' => Year::Abs(self.int()?),
            b'R' => Year::Rel(self.int()?),
            b'U' => Year::Unknown,
            _ => return None,
        })
    }

    fn boxed(&mut self) -> Option<Box<Expr>> {
        Some(Box::new(self.expr()?))
    }

    fn opt_boxed(&mut self) -> Option<Option<Box<Expr>>> {
        if self.missing() {
            return Some(None);
        }
        self.boxed().map(Some)
    }

    fn expr(&mut self) -> Option<Expr> {
        Some(match self.byte()? {
            b'd' => Expr::Day {
                y: self.year()?,
                m: self.opt()?,
                d: self.num()?,
            },
            b'm' => Expr::Month {
                y: self.year()?,
                m: self.num()?,
            },
            b'y' => Expr::Year(self.year()?),
            b'r' => Expr::RelDay(self.int()?),
            b'w' => Expr::RelWeek(self.int()?),
            b'n' => Expr::RelMonth(self.int()?),
            b'q' => Expr::RelQuarter(self.int()?),
            b'k' => Expr::Weekday {
                wd: self.num()?,
                date: self.opt_boxed()?,
                week: if self.missing() { None } else { Some(self.int()?) },
            },
            b'Q' => Expr::Quarter {
                q: self.num()?,
                y: self.year()?,
            },
            b'H' => Expr::Half {
                h: self.num()?,
                y: self.year()?,
            },
            b'M' => Expr::Months {
                a: self.num()?,
                b: self.num()?,
                y: self.year()?,
            },
            b'P' => Expr::Part {
                part: u8::try_from(self.num()?).ok()?,
                of: self.boxed()?,
            },
            b'Y' => Expr::Years(self.int()?, self.int()?),
            b'G' => Expr::Range(self.boxed()?, self.boxed()?),
            b'T' => Expr::ToDate(self.boxed()?),
            b'F' => Expr::FromNow(self.boxed()?),
            b'C' => Expr::Century(self.int()?),
            b'D' => Expr::Decade(self.int()?),
            b't' => Expr::Time {
                h: self.num()?,
                min: self.num()?,
                on: self.opt_boxed()?,
            },
            b'p' => {
                let end = self.at + self.b[self.at..].iter().position(|&b| b == b',')?;
                let pod = match &self.b[self.at..end] {
                    b"MO" => "MO",
                    b"MI" => "MI",
                    b"AF" => "AF",
                    b"EV" => "EV",
                    b"NI" => "NI",
                    _ => return None,
                };
                self.at = end + 1;
                Expr::PartOfDay { pod, on: self.boxed()? }
            }
            b'L' => Expr::Lunar {
                d: self.opt()?,
                m: self.num()?,
                leap: self.byte()? == b'1',
                y: match self.byte()? {
                    b'A' => LunarYear::Abs(self.int()?),
                    b'N' => LunarYear::Named(self.num()?, self.num()?),
                    b'U' => LunarYear::Unknown,
                    _ => return None,
                },
            },
            b'W' => Expr::Week {
                w: self.num()?,
                y: self.year()?,
            },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_round_trips() {
        let e = Expr::Range(
            Box::new(Expr::Day {
                y: Year::Unknown,
                m: None,
                d: 20,
            }),
            Box::new(Expr::Day {
                y: Year::Abs(2024),
                m: Some(1),
                d: 25,
            }),
        );
        assert_eq!(decode(&encode(&e)), Some(e));
        assert_eq!(decode("2023-06-16"), None);
        assert_eq!(decode("~"), None);
        let day = |y| Box::new(Expr::Day { y, m: Some(6), d: 16 });
        let every = [
            Expr::Month {
                y: Year::Rel(-1),
                m: 12,
            },
            Expr::Year(Year::Abs(-44)),
            Expr::RelDay(-2),
            Expr::RelWeek(1),
            Expr::RelMonth(0),
            Expr::RelQuarter(-1),
            Expr::Weekday {
                wd: 5,
                date: Some(day(Year::Unknown)),
                week: None,
            },
            Expr::Weekday {
                wd: 1,
                date: None,
                week: Some(-1),
            },
            Expr::Quarter {
                q: 3,
                y: Year::Abs(2023),
            },
            Expr::Half { h: 2, y: Year::Unknown },
            Expr::Months {
                a: 1,
                b: 9,
                y: Year::Rel(0),
            },
            Expr::Part {
                part: 2,
                of: Box::new(Expr::Year(Year::Abs(2025))),
            },
            Expr::Years(2021, 2025),
            Expr::ToDate(day(Year::Abs(2024))),
            Expr::FromNow(Box::new(Expr::RelMonth(1))),
            Expr::Century(20),
            Expr::Decade(1990),
            Expr::Time {
                h: 14,
                min: 30,
                on: Some(day(Year::Rel(1))),
            },
            Expr::Time { h: 0, min: 0, on: None },
            Expr::PartOfDay {
                pod: "EV",
                on: Box::new(Expr::RelDay(0)),
            },
            Expr::Lunar {
                d: Some(1),
                m: 1,
                leap: false,
                y: LunarYear::Named(0, 4),
            },
            Expr::Lunar {
                d: None,
                m: 7,
                leap: true,
                y: LunarYear::Abs(2024),
            },
            Expr::Lunar {
                d: Some(15),
                m: 8,
                leap: false,
                y: LunarYear::Unknown,
            },
            Expr::Week {
                w: 34,
                y: Year::Unknown,
            },
        ];
        for e in every {
            assert_eq!(decode(&encode(&e)).as_ref(), Some(&e), "{}", encode(&e));
        }
    }
}
