//! The Vietnamese lunisolar calendar (âm lịch), 1900–2100.
//!
//! Months begin on the day of the astronomical new moon, reckoned at UTC+7
//! (Vietnam's time zone: this is why Tết 1985 fell on 21 January in Vietnam
//! and 20 February in China). Month 11 is the month that contains the
//! winter solstice; a lunar year with 13 months repeats the first month that
//! contains no major solar term. New moons and the sun's longitude use the
//! truncated series of Jean Meeus, *Astronomical Algorithms*, as in Hồ Ngọc
//! Đức's well-known description of the Vietnamese calendar; the unit tests
//! check known Tết dates.

use crate::calendar::Date;
use std::f64::consts::PI;

/// Vietnam's offset from UTC, in hours.
const TZ: f64 = 7.0;

/// Julian day number of 1970-01-01.
const JD_1970: i64 = 2_440_588;

fn jd(d: Date) -> i64 {
    d.to_days() + JD_1970
}

fn from_jd(jd: i64) -> Date {
    Date::from_days(jd - JD_1970)
}

/// Julian day (fractional) of the `k`-th new moon after 1900-01-01.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let (t2, t3) = (t * t, t * t * t);
    let dr = PI / 180.0;
    let mut jd1 = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd1 += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin();
    let m = 359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3;
    let mpr = 306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3;
    let f = 21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3;
    let mut c1 = (0.1734 - 0.000_393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    // Each line adds its terms with their own signs (Meeus' series, truncated).
    c1 += -0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 += -0.0004 * (dr * 3.0 * mpr).sin();
    c1 += 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 += -0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 += -0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 += 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd1 + c1 - delta_t
}

/// Julian day number of the local (UTC+7) day of the `k`-th new moon.
fn new_moon_day(k: i64) -> i64 {
    (new_moon(k) + 0.5 + TZ / 24.0).floor() as i64
}

/// The sun's apparent longitude (radians, 0…2π) at Julian day `jdn`.
fn sun_longitude(jdn: f64) -> f64 {
    let t = (jdn - 2_451_545.0) / 36525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let mut dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin();
    dl += (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin() + 0.000_290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    l - 2.0 * PI * (l / (2.0 * PI)).floor()
}

/// Which of the 12 major solar-term sectors (0…11) the sun is in at the
/// start of local day `jdn`.
fn sun_sector(jdn: i64) -> i64 {
    (sun_longitude(jdn as f64 - 0.5 - TZ / 24.0) / PI * 6.0).floor() as i64
}

/// First day (JDN) of lunar month 11 of the lunar year that ends in solar year `y`.
fn month11(y: i32) -> i64 {
    let off = jd(Date {
        year: y,
        month: 12,
        day: 31,
    }) - 2_415_021;
    let k = (off as f64 / 29.530_588_853).floor() as i64;
    let nm = new_moon_day(k);
    if sun_sector(nm) >= 9 {
        new_moon_day(k - 1)
    } else {
        nm
    }
}

/// Offset (in months after month 11 starting at `a11`) of the leap month.
fn leap_offset(a11: i64) -> i64 {
    let k = ((a11 as f64 - 2_415_021.076_998_695) / 29.530_588_853 + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i));
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i));
        if arc == last || i >= 14 {
            break;
        }
    }
    i - 1
}

/// A lunar date: day, month, lunar year (named by the solar year its Tết
/// falls in), and whether the month is the leap (nhuận) month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LunarDate {
    /// Day 1–30.
    pub day: u32,
    /// Month 1–12.
    pub month: u32,
    /// The year (2024 for Giáp Thìn, whose Tết is 2024-02-10).
    pub year: i32,
    /// The repeated (leap) month.
    pub leap: bool,
}

/// The lunar date of a solar date.
pub fn to_lunar(d: Date) -> LunarDate {
    let day_number = jd(d);
    let k = ((day_number as f64 - 2_415_021.076_998_695) / 29.530_588_853).floor() as i64;
    let mut month_start = new_moon_day(k + 1);
    if month_start > day_number {
        month_start = new_moon_day(k);
    }
    let mut a11 = month11(d.year);
    let mut b11 = a11;
    let mut year = d.year;
    if a11 >= month_start {
        a11 = month11(d.year - 1);
    } else {
        year = d.year + 1;
        b11 = month11(d.year + 1);
    }
    let day = (day_number - month_start + 1) as u32;
    let diff = (month_start - a11) / 29;
    let mut leap = false;
    let mut month = diff + 11;
    if b11 - a11 > 365 {
        let leap_diff = leap_offset(a11);
        if diff >= leap_diff {
            month = diff + 10;
            leap = diff == leap_diff;
        }
    }
    if month > 12 {
        month -= 12;
    }
    if month >= 11 && diff < 4 {
        year -= 1;
    }
    LunarDate {
        day,
        month: month as u32,
        year,
        leap,
    }
}

/// The solar date of a lunar date; `None` for a leap month that year does
/// not have, a day past the month's end, or a year outside 1900–2100.
pub fn to_solar(l: LunarDate) -> Option<Date> {
    if !(1900..=2100).contains(&l.year) || !(1..=12).contains(&l.month) || !(1..=30).contains(&l.day) {
        return None;
    }
    let (a11, b11) = if l.month < 11 {
        (month11(l.year - 1), month11(l.year))
    } else {
        (month11(l.year), month11(l.year + 1))
    };
    let k = (0.5 + (a11 as f64 - 2_415_021.076_998_695) / 29.530_588_853).floor() as i64;
    let mut off = l.month as i64 - 11;
    if off < 0 {
        off += 12;
    }
    if b11 - a11 > 365 {
        let leap_off = leap_offset(a11);
        let mut leap_month = leap_off - 2;
        if leap_month < 0 {
            leap_month += 12;
        }
        if l.leap && l.month as i64 != leap_month {
            return None;
        }
        if l.leap || off >= leap_off {
            off += 1;
        }
    } else if l.leap {
        return None;
    }
    let start = new_moon_day(k + off);
    let next = new_moon_day(k + off + 1);
    let day = start + l.day as i64 - 1;
    (day < next).then(|| from_jd(day))
}

/// First and last solar day of lunar month `month` of `year` (`leap`: its
/// repeated month).
pub fn month_span(year: i32, month: u32, leap: bool) -> Option<(Date, Date)> {
    let at = |day| to_solar(LunarDate { day, month, year, leap });
    let first = at(1)?;
    let last = at(30).or_else(|| at(29))?;
    Some((first, last))
}

/// The year of a stem–branch (can chi) name: the latest one not after
/// `near + 1` (the coming Tết is named too, history looks back). Stem 0 =
/// Giáp … 9 = Quý, branch 0 = Tý … 11 = Hợi ("Giáp Thìn" = (0, 4) → 2024).
pub fn sexagenary_year(stem: u32, branch: u32, near: i32) -> Option<i32> {
    // 1984 was Giáp Tý, the first of the cycle.
    let index = (0..60).find(|i| i % 10 == stem as i32 && i % 12 == branch as i32)?;
    let base = 1984 + index;
    Some(base + 60 * (near + 1 - base).div_euclid(60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn tet(year: i32) -> Date {
        to_solar(LunarDate {
            day: 1,
            month: 1,
            year,
            leap: false,
        })
        .unwrap()
    }

    #[test]
    fn known_tet_dates() {
        for (year, date) in [
            (1968, "1968-01-29"),
            (1985, "1985-01-21"),
            (2000, "2000-02-05"),
            (2007, "2007-02-17"),
            (2010, "2010-02-14"),
            (2015, "2015-02-19"),
            (2016, "2016-02-08"),
            (2017, "2017-01-28"),
            (2018, "2018-02-16"),
            (2019, "2019-02-05"),
            (2020, "2020-01-25"),
            (2021, "2021-02-12"),
            (2022, "2022-02-01"),
            (2023, "2023-01-22"),
            (2024, "2024-02-10"),
            (2025, "2025-01-29"),
            (2026, "2026-02-17"),
        ] {
            assert_eq!(tet(year), d(date), "Tết {year}");
            assert_eq!(
                to_lunar(d(date)),
                LunarDate {
                    day: 1,
                    month: 1,
                    year,
                    leap: false
                }
            );
        }
    }

    #[test]
    fn mid_autumn_and_leap_months() {
        let rằm8 = LunarDate {
            day: 15,
            month: 8,
            year: 2023,
            leap: false,
        };
        assert_eq!(to_solar(rằm8), Some(d("2023-09-29")));
        // 2023 had a leap second month (tháng 2 nhuận) starting 2023-03-22.
        let leap2 = LunarDate {
            day: 1,
            month: 2,
            year: 2023,
            leap: true,
        };
        assert_eq!(to_solar(leap2), Some(d("2023-03-22")));
        assert_eq!(to_lunar(d("2023-03-22")), leap2);
        assert_eq!(to_solar(LunarDate { leap: true, ..rằm8 }), None);
    }

    #[test]
    fn festival_days() {
        let l = |day, month, year, leap| LunarDate { day, month, year, leap };
        for (lunar, solar) in [
            (l(15, 7, 2023, false), "2023-08-30"),  // Vu Lan
            (l(15, 1, 2024, false), "2024-02-24"),  // rằm tháng Giêng
            (l(5, 5, 2024, false), "2024-06-10"),   // Tết Đoan Ngọ
            (l(1, 4, 2020, true), "2020-05-23"),    // tháng 4 nhuận
            (l(1, 6, 2025, true), "2025-07-25"),    // tháng 6 nhuận
            (l(23, 12, 2023, false), "2024-02-02"), // ông Công ông Táo
        ] {
            assert_eq!(to_solar(lunar), Some(d(solar)), "{lunar:?}");
            assert_eq!(to_lunar(d(solar)), lunar);
        }
    }

    #[test]
    fn round_trips_1900_to_2100() {
        let mut day = d("1900-02-01");
        let end = d("2100-12-01");
        while day < end {
            assert_eq!(to_solar(to_lunar(day)), Some(day), "{day}");
            day = day.add_days(13);
        }
    }

    #[test]
    fn month_spans() {
        assert_eq!(month_span(2023, 7, false), Some((d("2023-08-16"), d("2023-09-14"))));
        assert_eq!(month_span(2023, 2, true), Some((d("2023-03-22"), d("2023-04-19"))));
    }

    #[test]
    fn stem_branch_years() {
        assert_eq!(sexagenary_year(0, 4, 2023), Some(2024)); // Giáp Thìn
        assert_eq!(sexagenary_year(9, 3, 2023), Some(2023)); // Quý Mão
        assert_eq!(sexagenary_year(4, 8, 2023), Some(1968)); // Mậu Thân
        assert_eq!(sexagenary_year(0, 4, 2024), Some(2024));
        assert_eq!(sexagenary_year(0, 1, 2023), None); // no such pair
    }
}
