//! Statistics records: frames, indicator boundaries, qualitative statements,
//! carried context and CSV output.
//!
//! The documents are tokenized by the real annotator; their entities are
//! then set by hand (`doc_with`), so these tests do not depend on the
//! numeric and temporal recognizers. Each entity is given by a substring,
//! looked for after the previous one.

use chiso::model::{Amount, Base, Change, Entity, EntityValue, Qualifier, Statistic, Temporal};
use chiso::{Annotator, Decimal, Document, Span};

fn dec(s: &str) -> Decimal {
    Decimal::parse(s).unwrap()
}

fn pct(v: &str) -> EntityValue {
    EntityValue::Percent {
        amount: Amount::exact(dec(v)),
        points: false,
        sign: "%",
    }
}

fn points(v: &str) -> EntityValue {
    EntityValue::Percent {
        amount: Amount::exact(dec(v)),
        points: true,
        sign: "%",
    }
}

fn money(v: &str, unit: &str) -> EntityValue {
    EntityValue::Money {
        amount: Amount::exact(dec(v)),
        unit: unit.into(),
        per: None,
    }
}

fn qty(v: &str, unit: &str) -> EntityValue {
    EntityValue::Quantity {
        amount: Amount::exact(dec(v)),
        unit: unit.into(),
        per: None,
    }
}

fn temporal(value: &str, from: &str, to: &str) -> Temporal {
    Temporal {
        value: value.into(),
        from: Some(from.into()),
        to: Some(to.into()),
    }
}

fn period(value: &str, from: &str, to: &str) -> EntityValue {
    EntityValue::Period(temporal(value, from, to))
}

fn date(value: &str, from: &str, to: &str) -> EntityValue {
    EntityValue::Date(temporal(value, from, to))
}

fn place(name: &str) -> EntityValue {
    EntityValue::Place(name.into())
}

/// Annotates `text`, replaces its entities with `entities` (each found as a
/// substring after the previous one), and extracts the statistics.
fn doc_with(text: &str, entities: &[(&str, EntityValue)]) -> Document {
    let mut doc = Annotator::new().annotate(text);
    doc.entities.clear();
    let mut from = 0;
    for (needle, value) in entities {
        let start = from
            + doc.text[from..]
                .find(needle)
                .unwrap_or_else(|| panic!("{needle:?} not in the text after byte {from}"));
        let end = start + needle.len();
        let first = doc
            .tokens
            .iter()
            .position(|t| t.span.start == start)
            .unwrap_or_else(|| panic!("{needle:?} does not start at a token"));
        let last = doc
            .tokens
            .iter()
            .position(|t| t.span.end == end)
            .unwrap_or_else(|| panic!("{needle:?} does not end at a token"));
        doc.entities.push(Entity {
            span: Span::new(start, end),
            tokens: first..last + 1,
            value: value.clone(),
            rule: "test",
        });
        from = end;
    }
    doc.entities.sort_by_key(|e| e.span.start);
    doc.statistics = chiso::statistics::extract(&doc);
    doc
}

/// A record in a compact, comparable form.
#[derive(Debug, PartialEq)]
struct R {
    indicator: String,
    value: Option<String>,
    unit: Option<String>,
    change: Option<Change>,
    base: Option<Base>,
    qualifier: Option<Qualifier>,
    period: Option<String>,
    place: Option<String>,
}

fn r(s: &Statistic) -> R {
    R {
        indicator: s.indicator.clone(),
        value: s.amount.as_ref().map(|a| match (&a.value, &a.min, &a.max) {
            (Some(v), _, _) => v.to_string(),
            (None, Some(lo), Some(hi)) => format!("{lo}..{hi}"),
            _ => "?".into(),
        }),
        unit: s.unit.clone(),
        change: s.change,
        base: s.base,
        qualifier: s.qualifier,
        period: s.period.as_ref().map(|p| p.value.clone()),
        place: s.place.clone(),
    }
}

/// Expected record: indicator, value, unit, change, base, qualifier, period, place.
#[allow(clippy::too_many_arguments)]
fn rec(
    indicator: &str,
    value: Option<&str>,
    unit: Option<&str>,
    change: Option<Change>,
    base: Option<Base>,
    qualifier: Option<Qualifier>,
    period: Option<&str>,
    place: Option<&str>,
) -> R {
    R {
        indicator: indicator.into(),
        value: value.map(Into::into),
        unit: unit.map(Into::into),
        change,
        base,
        qualifier,
        period: period.map(Into::into),
        place: place.map(Into::into),
    }
}

fn records(doc: &Document) -> Vec<R> {
    doc.statistics.iter().map(r).collect()
}

use Change::{Decrease, Increase, Level, Share};

#[test]
fn sample_growth_estimate_takes_period_and_place_from_context() {
    let text = "Trong 6 tháng đầu năm 2023, kinh tế tỉnh Bến Tre tiếp tục phục hồi. \
                Tăng trưởng GRDP ước đạt 3,4%, cao hơn mức bình quân của cả vùng.";
    let doc = doc_with(
        text,
        &[
            (
                "6 tháng đầu năm 2023",
                period("2023-H1", "2023-01-01", "2023-06-30"),
            ),
            ("tỉnh Bến Tre", place("Bến Tre")),
            ("3,4%", pct("3.4")),
        ],
    );
    assert_eq!(
        records(&doc),
        [rec(
            "tăng trưởng GRDP",
            Some("3.4"),
            Some("%"),
            Some(Level),
            None,
            Some(Qualifier::Estimate),
            Some("2023-H1"),
            Some("Bến Tre"),
        )]
    );
    let s = &doc.statistics[0];
    assert_eq!(
        s.span.slice(&doc.text),
        "Tăng trưởng GRDP ước đạt 3,4%, cao hơn mức bình quân của cả vùng"
    );
}

#[test]
fn level_and_increase_in_one_clause() {
    let doc = doc_with(
        "Kim ngạch xuất khẩu cả nước đạt 305,6 tỷ USD, tăng 14,9% so với cùng kỳ.",
        &[
            ("305,6 tỷ USD", money("305600000000", "USD")),
            ("14,9%", pct("14.9")),
        ],
    );
    assert_eq!(
        records(&doc),
        [
            rec(
                "kim ngạch xuất khẩu",
                Some("305600000000"),
                Some("USD"),
                Some(Level),
                None,
                None,
                None,
                None
            ),
            rec(
                "kim ngạch xuất khẩu",
                Some("14.9"),
                Some("%"),
                Some(Increase),
                Some(Base::SamePeriod),
                None,
                None,
                None
            ),
        ]
    );
    // Both come from the one clause.
    assert_eq!(doc.statistics[0].span, doc.statistics[1].span);
}

#[test]
fn share_of_plan() {
    let doc = doc_with(
        "Giải ngân vốn đầu tư công đến hết tháng 6/2024 bằng 48,2% kế hoạch.",
        &[
            ("tháng 6/2024", date("2024-06", "2024-06-01", "2024-06-30")),
            ("48,2%", pct("48.2")),
        ],
    );
    assert_eq!(
        records(&doc),
        [rec(
            "giải ngân vốn đầu tư công",
            Some("48.2"),
            Some("%"),
            Some(Share),
            Some(Base::Plan),
            None,
            Some("2024-06"),
            None
        )]
    );
}

#[test]
fn period_first_then_indicator_with_place_word() {
    let doc = doc_with(
        "Quý III/2023, GRDP của tỉnh tăng 6,1% so với quý trước.",
        &[
            (
                "Quý III/2023",
                period("2023-Q3", "2023-07-01", "2023-09-30"),
            ),
            ("6,1%", pct("6.1")),
        ],
    );
    assert_eq!(
        records(&doc),
        [rec(
            "GRDP",
            Some("6.1"),
            Some("%"),
            Some(Increase),
            Some(Base::PreviousPeriod),
            None,
            Some("2023-Q3"),
            None
        )]
    );
}

#[test]
fn place_first() {
    let doc = doc_with(
        "Tại Cà Mau, sản lượng tôm nuôi năm 2023 đạt 120.000 tấn.",
        &[
            ("Cà Mau", place("Cà Mau")),
            ("năm 2023", date("2023", "2023-01-01", "2023-12-31")),
            ("120.000 tấn", qty("120000", "tấn")),
        ],
    );
    assert_eq!(
        records(&doc),
        [rec(
            "sản lượng tôm nuôi",
            Some("120000"),
            Some("tấn"),
            Some(Level),
            None,
            None,
            Some("2023"),
            Some("Cà Mau")
        )]
    );
}

#[test]
fn figures_joined_by_va_under_one_indicator() {
    let doc = doc_with(
        "Doanh thu dịch vụ lưu trú và lữ hành tăng lần lượt 12,5% và 8,3%.",
        &[("12,5%", pct("12.5")), ("8,3%", pct("8.3"))],
    );
    let got = records(&doc);
    assert_eq!(got.len(), 2);
    for (g, v) in got.iter().zip(["12.5", "8.3"]) {
        assert_eq!(g.indicator, "doanh thu dịch vụ lưu trú và lữ hành");
        assert_eq!(g.value.as_deref(), Some(v));
        assert_eq!(g.change, Some(Increase));
    }
}

#[test]
fn comma_and_semicolon_start_new_indicators() {
    let doc = doc_with(
        "Trong quý I, xuất khẩu đạt 2,1 tỷ USD, nhập khẩu đạt 1,4 tỷ USD; \
         cán cân thương mại đạt mức thặng dư 0,7 tỷ USD.",
        &[
            ("quý I", period("2024-Q1", "2024-01-01", "2024-03-31")),
            ("2,1 tỷ USD", money("2100000000", "USD")),
            ("1,4 tỷ USD", money("1400000000", "USD")),
            ("0,7 tỷ USD", money("700000000", "USD")),
        ],
    );
    let got = records(&doc);
    let names: Vec<_> = got.iter().map(|r| r.indicator.as_str()).collect();
    assert_eq!(names, ["xuất khẩu", "nhập khẩu", "cán cân thương mại"]);
    assert!(got.iter().all(|r| r.period.as_deref() == Some("2024-Q1")));
    assert!(got.iter().all(|r| r.change == Some(Level)));
    assert_eq!(got[2].value.as_deref(), Some("700000000"));
}

#[test]
fn qualitative_statement_has_no_value() {
    let doc = doc_with(
        "Nhờ nhiều lễ hội, lượng khách và doanh thu du lịch tăng mạnh so với cùng kỳ.",
        &[],
    );
    assert_eq!(
        records(&doc),
        [rec(
            "lượng khách và doanh thu du lịch",
            None,
            None,
            Some(Increase),
            Some(Base::SamePeriod),
            None,
            None,
            None
        )]
    );
}

#[test]
fn period_carried_from_paragraph_but_not_across_paragraphs() {
    let text = "Năm 2023, tình hình kinh tế của tỉnh có nhiều khởi sắc. \
                Thu ngân sách nhà nước đạt 4.500 tỷ đồng, vượt 12% dự toán.\n\n\
                Số doanh nghiệp giải thể giảm 7%.";
    let doc = doc_with(
        text,
        &[
            ("Năm 2023", date("2023", "2023-01-01", "2023-12-31")),
            ("4.500 tỷ đồng", money("4500000000000", "VND")),
            ("12%", pct("12")),
            ("7%", pct("7")),
        ],
    );
    assert_eq!(
        records(&doc),
        [
            rec(
                "thu ngân sách nhà nước",
                Some("4500000000000"),
                Some("VND"),
                Some(Level),
                None,
                None,
                Some("2023"),
                None
            ),
            rec(
                "thu ngân sách nhà nước",
                Some("12"),
                Some("%"),
                Some(Increase),
                Some(Base::Plan),
                None,
                Some("2023"),
                None
            ),
            rec(
                "số doanh nghiệp giải thể",
                Some("7"),
                Some("%"),
                Some(Decrease),
                None,
                None,
                None,
                None
            ),
        ]
    );
}

#[test]
fn a_day_date_does_not_carry_to_the_next_sentence() {
    let doc = doc_with(
        "Ngày 15/7, Sở Tài chính tổ chức hội nghị. Dư nợ tín dụng tăng 9%.",
        &[
            ("Ngày 15/7", date("2024-07-15", "2024-07-15", "2024-07-15")),
            ("9%", pct("9")),
        ],
    );
    let got = records(&doc);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].indicator, "dư nợ tín dụng");
    assert_eq!(got[0].period, None);
}

#[test]
fn target_range_and_forecast() {
    let doc = doc_with(
        "Mục tiêu năm 2024, tốc độ tăng trưởng kinh tế của tỉnh đạt từ 6,5% đến 7%. \
         Dự kiến cả năm, chỉ số giá tiêu dùng tăng khoảng 3,5%.",
        &[
            ("năm 2024", date("2024", "2024-01-01", "2024-12-31")),
            (
                "từ 6,5% đến 7%",
                EntityValue::Percent {
                    amount: Amount::range(dec("6.5"), dec("7")),
                    points: false,
                    sign: "%",
                },
            ),
            ("khoảng 3,5%", pct("3.5")),
        ],
    );
    assert_eq!(
        records(&doc),
        [
            rec(
                "tốc độ tăng trưởng kinh tế",
                Some("6.5..7"),
                Some("%"),
                Some(Level),
                None,
                Some(Qualifier::Target),
                Some("2024"),
                None
            ),
            rec(
                "chỉ số giá tiêu dùng",
                Some("3.5"),
                Some("%"),
                Some(Increase),
                None,
                Some(Qualifier::Forecast),
                Some("2024"),
                None
            ),
        ]
    );
}

#[test]
fn target_qualifier_inside_the_subject() {
    let doc = doc_with(
        "Năm 2025, tỉnh phấn đấu thu ngân sách đạt 5.000 tỷ đồng.",
        &[
            ("Năm 2025", date("2025", "2025-01-01", "2025-12-31")),
            ("5.000 tỷ đồng", money("5000000000000", "VND")),
        ],
    );
    let got = records(&doc);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].indicator, "thu ngân sách");
    assert_eq!(got[0].qualifier, Some(Qualifier::Target));
}

#[test]
fn decrease_to_and_percentage_points() {
    let doc = doc_with(
        "Tỷ lệ hộ nghèo giảm còn 2,15%, giảm 0,8 điểm phần trăm so với đầu năm.",
        &[
            ("2,15%", pct("2.15")),
            ("0,8 điểm phần trăm", points("0.8")),
        ],
    );
    assert_eq!(
        records(&doc),
        [
            rec(
                "tỷ lệ hộ nghèo",
                Some("2.15"),
                Some("%"),
                Some(Decrease),
                None,
                None,
                None,
                None
            ),
            rec(
                "tỷ lệ hộ nghèo",
                Some("0.8"),
                Some("điểm phần trăm"),
                Some(Decrease),
                Some(Base::StartOfYear),
                None,
                None,
                None
            ),
        ]
    );
}

#[test]
fn sentence_period_reaches_every_clause() {
    let doc = doc_with(
        "Trong 9 tháng năm 2023, vốn đầu tư thực hiện toàn xã hội đạt 18.200 tỷ đồng; \
         vốn FDI đạt 120 triệu USD.",
        &[
            (
                "9 tháng năm 2023",
                period("2023-01/2023-09", "2023-01-01", "2023-09-30"),
            ),
            ("18.200 tỷ đồng", money("18200000000000", "VND")),
            ("120 triệu USD", money("120000000", "USD")),
        ],
    );
    let got = records(&doc);
    let names: Vec<_> = got.iter().map(|r| r.indicator.as_str()).collect();
    assert_eq!(names, ["vốn đầu tư thực hiện toàn xã hội", "vốn FDI"]);
    assert!(got
        .iter()
        .all(|r| r.period.as_deref() == Some("2023-01/2023-09")));
}

#[test]
fn restated_figure_is_not_a_record() {
    let doc = doc_with(
        "Tổng mức bán lẻ hàng hóa đạt 52.000 tỷ đồng, tương đương 2,1 tỷ USD.",
        &[
            ("52.000 tỷ đồng", money("52000000000000", "VND")),
            ("2,1 tỷ USD", money("2100000000", "USD")),
        ],
    );
    let got = records(&doc);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].indicator, "tổng mức bán lẻ hàng hóa");
    assert_eq!(got[0].unit.as_deref(), Some("VND"));
}

#[test]
fn comparison_period_is_neither_a_figure_nor_the_period() {
    let doc = doc_with(
        "Số khách quốc tế năm 2024 đạt 150.000 lượt, tăng 25% so với năm 2023.",
        &[
            ("năm 2024", date("2024", "2024-01-01", "2024-12-31")),
            ("150.000 lượt", qty("150000", "lượt")),
            ("25%", pct("25")),
            ("năm 2023", date("2023", "2023-01-01", "2023-12-31")),
        ],
    );
    let got = records(&doc);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].indicator, "số khách quốc tế");
    assert!(got.iter().all(|r| r.period.as_deref() == Some("2024")));
    // "so với năm 2023" for a 2024 figure: the previous period.
    assert_eq!(got[1].base, Some(Base::PreviousPeriod));
}

#[test]
fn bare_year_numbers_in_a_comparison_are_skipped_with_the_real_annotator() {
    // Only plain digit numbers are recognized here: "2022" is a number.
    let doc = Annotator::new().annotate("Doanh thu đạt 1.234, tăng 12 so với năm 2022.");
    let got = records(&doc);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].value.as_deref(), Some("1234"));
    assert_eq!(got[0].unit, None);
    assert_eq!(got[1].value.as_deref(), Some("12"));
}

#[test]
fn share_verb_and_nominal_verb() {
    let doc = doc_with(
        "Khu vực dịch vụ chiếm 42,3% cơ cấu kinh tế. Thanh toán bằng thẻ chiếm 35% tổng giao dịch.",
        &[("42,3%", pct("42.3")), ("35%", pct("35"))],
    );
    let got = records(&doc);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].indicator, "khu vực dịch vụ");
    assert_eq!(got[0].change, Some(Share));
    assert_eq!(got[1].indicator, "thanh toán bằng thẻ");
    assert_eq!(got[1].change, Some(Share));
}

#[test]
fn reason_clause_after_a_figure() {
    let doc = doc_with(
        "Chỉ số giá tiêu dùng tháng 10 tăng 0,3% so với tháng trước, chủ yếu do giá xăng dầu tăng.",
        &[
            ("tháng 10", date("2023-10", "2023-10-01", "2023-10-31")),
            ("0,3%", pct("0.3")),
        ],
    );
    assert_eq!(
        records(&doc),
        [
            rec(
                "chỉ số giá tiêu dùng",
                Some("0.3"),
                Some("%"),
                Some(Increase),
                Some(Base::PreviousPeriod),
                None,
                Some("2023-10"),
                None
            ),
            rec(
                "giá xăng dầu",
                None,
                None,
                Some(Increase),
                None,
                None,
                Some("2023-10"),
                None
            ),
        ]
    );
}

#[test]
fn three_verbs_one_estimate() {
    let doc = doc_with(
        "Kim ngạch nhập khẩu ước đạt 3,2 tỷ USD, tăng 8% so với cùng kỳ và bằng 52% kế hoạch năm.",
        &[
            ("3,2 tỷ USD", money("3200000000", "USD")),
            ("8%", pct("8")),
            ("52%", pct("52")),
        ],
    );
    let got = records(&doc);
    let shape: Vec<_> = got
        .iter()
        .map(|r| (r.change, r.base, r.qualifier))
        .collect();
    let est = Some(Qualifier::Estimate);
    assert_eq!(
        shape,
        [
            (Some(Level), None, est),
            (Some(Increase), Some(Base::SamePeriod), est),
            (Some(Share), Some(Base::Plan), est),
        ]
    );
    assert!(got.iter().all(|r| r.indicator == "kim ngạch nhập khẩu"));
}

#[test]
fn clause_periods_and_inherited_indicator() {
    let doc = doc_with(
        "GRDP quý I tăng 4,5%, quý II tăng 5,2%.",
        &[
            ("quý I", period("2024-Q1", "2024-01-01", "2024-03-31")),
            ("4,5%", pct("4.5")),
            ("quý II", period("2024-Q2", "2024-04-01", "2024-06-30")),
            ("5,2%", pct("5.2")),
        ],
    );
    assert_eq!(
        records(&doc),
        [
            rec(
                "GRDP",
                Some("4.5"),
                Some("%"),
                Some(Increase),
                None,
                None,
                Some("2024-Q1"),
                None
            ),
            rec(
                "GRDP",
                Some("5.2"),
                Some("%"),
                Some(Increase),
                None,
                None,
                Some("2024-Q2"),
                None
            ),
        ]
    );
}

#[test]
fn level_words_o_muc_and_la() {
    let doc = doc_with(
        "Lạm phát cơ bản ở mức 2,8%. Tỷ lệ thất nghiệp là 2,3%.",
        &[("2,8%", pct("2.8")), ("2,3%", pct("2.3"))],
    );
    let got = records(&doc);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].indicator, "lạm phát cơ bản");
    assert_eq!(got[1].indicator, "tỷ lệ thất nghiệp");
    assert!(got.iter().all(|r| r.change == Some(Level)));
}

#[test]
fn main_place_skips_districts_and_carries_in_paragraph() {
    let text = "Huyện Chợ Lách có nhiều vườn cây. Ở huyện Chợ Lách, sản lượng bưởi tăng 5%. \
                Bến Tre xuất khẩu dừa sang nhiều nước. Kinh tế Bến Tre tăng trưởng khá.\n\n\
                Giá trị sản xuất nông nghiệp đạt 9.000 tỷ đồng.";
    let doc = doc_with(
        text,
        &[
            ("Huyện Chợ Lách", place("Chợ Lách")),
            ("huyện Chợ Lách", place("Chợ Lách")),
            ("5%", pct("5")),
            ("Bến Tre", place("Bến Tre")),
            ("Bến Tre", place("Bến Tre")),
            ("9.000 tỷ đồng", money("9000000000000", "VND")),
        ],
    );
    assert_eq!(
        chiso::statistics::main_place(&doc).as_deref(),
        Some("Bến Tre")
    );
    let got = records(&doc);
    let brief: Vec<_> = got
        .iter()
        .map(|r| (r.indicator.as_str(), r.place.as_deref()))
        .collect();
    assert_eq!(
        brief,
        [
            ("sản lượng bưởi", Some("Chợ Lách")),
            ("kinh tế", Some("Bến Tre")),
            ("giá trị sản xuất nông nghiệp", Some("Bến Tre")),
        ]
    );
}

#[test]
fn negatives_give_no_records() {
    for text in [
        "Tỉnh tăng cường kiểm tra 25 cơ sở kinh doanh.",
        "Ông Ba là người có 30 năm kinh nghiệm.",
        "Đến nay, có 3 đoàn công tác về thăm.",
        "Tăng 5% so với cùng kỳ.",
        "Hội nghị đạt kết quả tốt.",
        "Các địa phương cần giảm thiểu 10 loại thủ tục.",
    ] {
        let doc = Annotator::new().annotate(text);
        assert_eq!(records(&doc), [], "{text}");
    }
}

#[test]
fn csv_rows_quote_and_carry_every_field() {
    let mut doc = doc_with(
        "Quý III/2023, GRDP của tỉnh tăng 6,1% so với quý trước.",
        &[
            (
                "Quý III/2023",
                period("2023-Q3", "2023-07-01", "2023-09-30"),
            ),
            ("6,1%", pct("6.1")),
        ],
    );
    doc.id = Some("bao \"BT\", số 1".into());
    let mut out = Vec::new();
    chiso::statistics::write_csv_bom(&mut out);
    chiso::statistics::write_csv_header(&mut out);
    chiso::statistics::write_csv_rows(&doc, &mut out);
    assert!(out.starts_with(b"\xEF\xBB\xBFid,indicator,"));
    let text = String::from_utf8(out[3..].to_vec()).unwrap();
    let lines: Vec<_> = text.split("\r\n").collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(lines[2], "");
    assert_eq!(
        lines[1],
        "\"bao \"\"BT\"\", số 1\",GRDP,6.1,,,,%,increase,previous_period,,\
         2023-Q3,2023-07-01,2023-09-30,,0,54,\
         \"Quý III/2023, GRDP của tỉnh tăng 6,1% so với quý trước\",\
         \"Quý III/2023, GRDP của tỉnh tăng 6,1% so với quý trước.\""
    );
    assert_eq!(
        lines[0].split(',').count(),
        chiso::statistics::CSV_COLUMNS.len()
    );
}

#[test]
fn have_frame_counts_and_continues() {
    let doc = doc_with(
        "Toàn tỉnh có 1.250 doanh nghiệp thành lập mới, tăng 12% so với cùng kỳ.",
        &[
            ("1.250 doanh nghiệp", qty("1250", "doanh nghiệp")),
            ("12%", pct("12")),
        ],
    );
    assert_eq!(
        records(&doc),
        [
            rec(
                "doanh nghiệp thành lập mới",
                Some("1250"),
                Some("doanh nghiệp"),
                Some(Level),
                None,
                None,
                None,
                None
            ),
            rec(
                "doanh nghiệp thành lập mới",
                Some("12"),
                Some("%"),
                Some(Increase),
                Some(Base::SamePeriod),
                None,
                None,
                None
            ),
        ]
    );
}

#[test]
fn destination_place_stays_in_the_indicator() {
    let doc = doc_with(
        "Kim ngạch xuất khẩu sang Hoa Kỳ đạt 1,8 tỷ USD. So với cùng kỳ, giá cá tra giảm 6%.",
        &[
            ("Hoa Kỳ", place("Hoa Kỳ")),
            ("1,8 tỷ USD", money("1800000000", "USD")),
            ("6%", pct("6")),
        ],
    );
    let got = records(&doc);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].indicator, "kim ngạch xuất khẩu sang Hoa Kỳ");
    assert_eq!(got[0].place, None);
    assert_eq!(got[1].indicator, "giá cá tra");
    assert_eq!(got[1].base, Some(Base::SamePeriod));
}
