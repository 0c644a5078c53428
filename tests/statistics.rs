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
        unit: unit.to_owned().into(),
        per: None,
    }
}

fn qty(v: &str, unit: &str) -> EntityValue {
    EntityValue::Quantity {
        amount: Amount::exact(dec(v)),
        unit: unit.to_owned().into(),
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
            ("6 tháng đầu năm 2023", period("2023-H1", "2023-01-01", "2023-06-30")),
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
        &[("305,6 tỷ USD", money("305600000000", "USD")), ("14,9%", pct("14.9"))],
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

/// "bằng 48,2% kế hoạch" is a level against the plan (GUIDELINES §7);
/// "chiếm" is a share.
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
            Some(Level),
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
            ("Quý III/2023", period("2023-Q3", "2023-07-01", "2023-09-30")),
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
    // The first paragraph (a headline) names no period, so nothing carries
    // from it.
    let text = "Kinh tế của tỉnh có nhiều khởi sắc\n\n\
                Năm 2023, tình hình kinh tế của tỉnh có nhiều khởi sắc. \
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
        &[("2,15%", pct("2.15")), ("0,8 điểm phần trăm", points("0.8"))],
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
    assert!(got.iter().all(|r| r.period.as_deref() == Some("2023-01/2023-09")));
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
    let shape: Vec<_> = got.iter().map(|r| (r.change, r.base, r.qualifier)).collect();
    let est = Some(Qualifier::Estimate);
    assert_eq!(
        shape,
        [
            (Some(Level), None, est),
            (Some(Increase), Some(Base::SamePeriod), est),
            (Some(Level), Some(Base::Plan), est),
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
    assert_eq!(chiso::statistics::main_place(&doc).as_deref(), Some("Bến Tre"));
    let got = records(&doc);
    let brief: Vec<_> = got.iter().map(|r| (r.indicator.as_str(), r.place.as_deref())).collect();
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
            ("Quý III/2023", period("2023-Q3", "2023-07-01", "2023-09-30")),
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
    assert_eq!(lines[0].split(',').count(), chiso::statistics::CSV_COLUMNS.len());
}

#[test]
fn have_frame_counts_and_continues() {
    let doc = doc_with(
        "Toàn tỉnh có 1.250 doanh nghiệp thành lập mới, tăng 12% so với cùng kỳ.",
        &[("1.250 doanh nghiệp", qty("1250", "doanh nghiệp")), ("12%", pct("12"))],
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

// ---------------------------------------------------------------------------
// A hand-checked table: documents with marked entities and the records a
// careful reader would write down. Precision and recall are measured on whole
// records (all eight fields equal).
//
// Markup: `[text|spec]` is an entity: `pct 3.4`, `pct 6.5..7`, `pp 0.8`,
// `money 305600000000 USD` (optionally `per kg`), `qty 120000 tấn`,
// `num 12`, `period 2023-Q3`, `date 2023-06`, `place Bến Tre`, `org Name`,
// `person Name`, `ord 3`, `dur P12M`. Records: "indicator | value | unit | change |
// base | qualifier | period | place", "-" for null.

fn amount_of(v: &str) -> Amount {
    match v.split_once("..") {
        Some((lo, hi)) => Amount::range(dec(lo), dec(hi)),
        None => Amount::exact(dec(v)),
    }
}

fn spec_value(spec: &str) -> EntityValue {
    let (kind, rest) = spec.split_once(' ').unwrap_or((spec, ""));
    let words: Vec<&str> = rest.split_whitespace().collect();
    let per = |words: &[&str]| -> (String, Option<String>) {
        match words.iter().position(|w| *w == "per") {
            Some(i) => (words[..i].join(" "), Some(words[i + 1..].join(" "))),
            None => (words.join(" "), None),
        }
    };
    let t = |v: &str| Temporal {
        value: v.into(),
        from: None,
        to: None,
    };
    match kind {
        "pct" | "pp" => EntityValue::Percent {
            amount: amount_of(words[0]),
            points: kind == "pp",
            sign: "%",
        },
        "money" => {
            let (unit, per) = per(&words[1..]);
            EntityValue::Money {
                amount: amount_of(words[0]),
                unit: unit.into(),
                per: per.map(Into::into),
            }
        }
        "qty" => {
            let (unit, per) = per(&words[1..]);
            EntityValue::Quantity {
                amount: amount_of(words[0]),
                unit: unit.into(),
                per: per.map(Into::into),
            }
        }
        "num" => EntityValue::Number(amount_of(words[0])),
        "period" => EntityValue::Period(t(rest)),
        "date" => EntityValue::Date(t(rest)),
        "place" => EntityValue::Place(rest.into()),
        "org" => EntityValue::Org(rest.into()),
        "person" => EntityValue::Person {
            name: rest.into(),
            refers_to: None,
        },
        "ord" => EntityValue::Ordinal(rest.parse().unwrap()),
        "dur" => EntityValue::Duration(rest.into()),
        _ => panic!("unknown entity spec {spec:?}"),
    }
}

/// The plain text of a marked document and its entities (byte ranges).
fn unmark(src: &str) -> (String, Vec<(std::ops::Range<usize>, EntityValue)>) {
    let mut text = String::new();
    let mut entities = Vec::new();
    let mut rest = src;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find(']').expect("unclosed [") + open;
        let (surface, spec) = rest[open + 1..close].split_once('|').expect("[text|spec]");
        let start = text.len();
        text.push_str(surface);
        entities.push((start..text.len(), spec_value(spec)));
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    (text, entities)
}

fn marked_doc(src: &str) -> Document {
    let (text, entities) = unmark(src);
    let mut doc = Annotator::new().annotate(&text);
    doc.entities = entities
        .into_iter()
        .map(|(range, value)| {
            let first = doc.tokens.iter().position(|t| t.span.start == range.start);
            let last = doc.tokens.iter().position(|t| t.span.end == range.end);
            let (Some(first), Some(last)) = (first, last) else {
                panic!("{:?} is not on token boundaries", &text[range]);
            };
            Entity {
                span: Span::new(range.start, range.end),
                tokens: first..last + 1,
                value,
                rule: "test",
            }
        })
        .collect();
    doc.statistics = chiso::statistics::extract(&doc);
    doc
}

fn show(s: &Statistic) -> String {
    let opt = |o: Option<String>| o.unwrap_or_else(|| "-".into());
    let name = |v: Option<serde_json::Value>| match v {
        Some(serde_json::Value::String(s)) => s,
        _ => "-".into(),
    };
    let value = s.amount.as_ref().map(|a| match (&a.value, &a.min, &a.max) {
        (Some(v), _, _) => v.to_string(),
        (None, Some(lo), Some(hi)) => format!("{lo}..{hi}"),
        _ => "?".into(),
    });
    [
        s.indicator.clone(),
        opt(value),
        opt(s.unit.clone()),
        name(s.change.map(|c| serde_json::to_value(c).unwrap())),
        name(s.base.map(|c| serde_json::to_value(c).unwrap())),
        name(s.qualifier.map(|c| serde_json::to_value(c).unwrap())),
        opt(s.period.as_ref().map(|p| p.value.clone())),
        opt(s.place.clone()),
    ]
    .join(" | ")
}

fn normalize_record(line: &str) -> String {
    line.split('|').map(str::trim).collect::<Vec<_>>().join(" | ")
}

const GOLD: &[(&str, &[&str])] = &[
    (
        "[6 tháng đầu năm 2023|period 2023-H1], kinh tế [tỉnh Bến Tre|place Bến Tre] duy trì đà phục hồi. \
         Tăng trưởng GRDP ước đạt [3,4%|pct 3.4]; khu vực nông nghiệp tăng [2,1%|pct 2.1], \
         khu vực công nghiệp và xây dựng tăng [6,8%|pct 6.8].",
        &[
            "tăng trưởng GRDP | 3.4 | % | level | - | estimate | 2023-H1 | Bến Tre",
            "khu vực nông nghiệp | 2.1 | % | increase | - | - | 2023-H1 | Bến Tre",
            "khu vực công nghiệp và xây dựng | 6.8 | % | increase | - | - | 2023-H1 | Bến Tre",
        ],
    ),
    (
        "Theo [Tổng cục Thống kê|org Tổng cục Thống kê], trong [10 tháng năm 2024|period 2024-01/2024-10], \
         kim ngạch xuất khẩu hàng hóa đạt [335,6 tỷ USD|money 335600000000 USD], tăng [14,9%|pct 14.9] \
         so với cùng kỳ năm trước. Trong đó, khu vực kinh tế trong nước đạt [94,3 tỷ USD|money 94300000000 USD], \
         chiếm [28,1%|pct 28.1] tổng kim ngạch xuất khẩu.",
        &[
            "kim ngạch xuất khẩu hàng hóa | 335600000000 | USD | level | - | - | 2024-01/2024-10 | -",
            "kim ngạch xuất khẩu hàng hóa | 14.9 | % | increase | same_period | - | 2024-01/2024-10 | -",
            "khu vực kinh tế trong nước | 94300000000 | USD | level | - | - | 2024-01/2024-10 | -",
            "khu vực kinh tế trong nước | 28.1 | % | share | - | - | 2024-01/2024-10 | -",
        ],
    ),
    (
        "Chỉ số giá tiêu dùng (CPI) [tháng 9/2024|date 2024-09] tăng [0,29%|pct 0.29] so với tháng trước \
         và tăng [2,63%|pct 2.63] so với cùng kỳ năm trước. Bình quân [9 tháng|period 2024-01/2024-09], \
         CPI tăng [3,88%|pct 3.88]; lạm phát cơ bản tăng [2,69%|pct 2.69].",
        &[
            "chỉ số giá tiêu dùng | 0.29 | % | increase | previous_period | - | 2024-09 | -",
            "chỉ số giá tiêu dùng | 2.63 | % | increase | same_period | - | 2024-09 | -",
            "CPI | 3.88 | % | increase | - | - | 2024-01/2024-09 | -",
            "lạm phát cơ bản | 2.69 | % | increase | - | - | 2024-01/2024-09 | -",
        ],
    ),
    (
        "[Năm 2023|date 2023], tổng thu ngân sách nhà nước trên địa bàn [tỉnh Long An|place Long An] đạt \
         [21.500 tỷ đồng|money 21500000000000 VND], bằng [102,4%|pct 102.4] dự toán. \
         Chi ngân sách địa phương ước đạt [17.300 tỷ đồng|money 17300000000000 VND].",
        &[
            "tổng thu ngân sách nhà nước | 21500000000000 | VND | level | - | - | 2023 | Long An",
            "tổng thu ngân sách nhà nước | 102.4 | % | level | plan | - | 2023 | Long An",
            "chi ngân sách địa phương | 17300000000000 | VND | level | - | estimate | 2023 | Long An",
        ],
    ),
    (
        "Đến [ngày 30/9/2024|date 2024-09-30], giải ngân vốn đầu tư công của [Cần Thơ|place Cần Thơ] đạt \
         [2.860 tỷ đồng|money 2860000000000 VND], bằng [48,2%|pct 48.2] kế hoạch vốn được giao.",
        &[
            "giải ngân vốn đầu tư công | 2860000000000 | VND | level | - | - | 2024-09-30 | Cần Thơ",
            "giải ngân vốn đầu tư công | 48.2 | % | level | plan | - | 2024-09-30 | Cần Thơ",
        ],
    ),
    (
        "Tỷ lệ hộ nghèo của [tỉnh Trà Vinh|place Trà Vinh] giảm còn [1,58%|pct 1.58], giảm \
         [0,92 điểm phần trăm|pp 0.92] so với đầu năm. Mục tiêu [năm 2025|date 2025], tỷ lệ hộ nghèo \
         giảm xuống [dưới 1%|pct 1].",
        &[
            "tỷ lệ hộ nghèo | 1.58 | % | decrease | - | - | - | Trà Vinh",
            "tỷ lệ hộ nghèo | 0.92 | điểm phần trăm | decrease | start_of_year | - | - | Trà Vinh",
            "tỷ lệ hộ nghèo | 1 | % | decrease | - | target | 2025 | Trà Vinh",
        ],
    ),
    (
        "Dịp lễ [30/4|date 2024-04-30], [Đà Lạt|place Đà Lạt] đón [khoảng 250.000 lượt khách|qty 250000 lượt khách]. \
         Lượng khách lưu trú và doanh thu dịch vụ tăng mạnh so với cùng kỳ.",
        &[
            "lượt khách | 250000 | lượt khách | level | - | - | 2024-04-30 | Đà Lạt",
            // A day date does not carry to the next sentence (see the docs).
            "lượng khách lưu trú và doanh thu dịch vụ | - | - | increase | same_period | - | - | Đà Lạt",
        ],
    ),
    (
        "Chỉ số sản xuất công nghiệp [tháng 8|date 2024-08] của [Bình Dương|place Bình Dương] tăng \
         [9,6%|pct 9.6] so với cùng kỳ; tính chung [8 tháng|period 2024-01/2024-08] tăng [8,7%|pct 8.7]. \
         Trong đó, ngành chế biến, chế tạo tăng [9,1%|pct 9.1].",
        &[
            "chỉ số sản xuất công nghiệp | 9.6 | % | increase | same_period | - | 2024-08 | Bình Dương",
            "chỉ số sản xuất công nghiệp | 8.7 | % | increase | - | - | 2024-01/2024-08 | Bình Dương",
            "ngành chế biến, chế tạo | 9.1 | % | increase | - | - | 2024-01/2024-08 | Bình Dương",
        ],
    ),
    (
        "Vụ lúa Đông Xuân [2023-2024|period 2023/2024], toàn tỉnh gieo trồng [76.500 ha|qty 76500 ha], \
         năng suất bình quân đạt [68,5 tạ/ha|qty 68.5 tạ per ha], sản lượng đạt [trên 524.000 tấn|qty 524000 tấn].",
        &[
            "gieo trồng | 76500 | ha | level | - | - | 2023/2024 | -",
            "năng suất bình quân | 68.5 | tạ | level | - | - | 2023/2024 | -",
            "sản lượng | 524000 | tấn | level | - | - | 2023/2024 | -",
        ],
    ),
    (
        "Lũy kế đến [ngày 20/11/2024|date 2024-11-20], [Bắc Ninh|place Bắc Ninh] thu hút \
         [1,2 tỷ USD|money 1200000000 USD] vốn đầu tư trực tiếp nước ngoài, dẫn đầu cả nước.",
        &["vốn đầu tư trực tiếp nước ngoài | 1200000000 | USD | level | - | - | 2024-11-20 | Bắc Ninh"],
    ),
    (
        "[Quý II/2024|period 2024-Q2], lực lượng lao động của cả nước là [52,5 triệu người|qty 52500000 người], \
         tăng [92.500 người|qty 92500 người] so với quý trước. Tỷ lệ thất nghiệp trong độ tuổi lao động \
         ở mức [2,29%|pct 2.29].",
        &[
            "lực lượng lao động | 52500000 | người | level | - | - | 2024-Q2 | -",
            "lực lượng lao động | 92500 | người | increase | previous_period | - | 2024-Q2 | -",
            "tỷ lệ thất nghiệp trong độ tuổi lao động | 2.29 | % | level | - | - | 2024-Q2 | -",
        ],
    ),
    (
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng [tháng 11|date 2024-11] ước đạt \
         [9.450 tỷ đồng|money 9450000000000 VND], tăng [1,8%|pct 1.8] so với tháng trước và tăng \
         [11,2%|pct 11.2] so với cùng kỳ.",
        &[
            "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng | 9450000000000 | VND | level | - | estimate | 2024-11 | -",
            "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng | 1.8 | % | increase | previous_period | estimate | 2024-11 | -",
            "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng | 11.2 | % | increase | same_period | estimate | 2024-11 | -",
        ],
    ),
    (
        "Giá thịt lợn hơi giảm nhẹ trong tuần qua, trong khi giá rau xanh tăng.",
        &[
            "giá thịt lợn hơi | - | - | decrease | - | - | - | -",
            "giá rau xanh | - | - | increase | - | - | - | -",
        ],
    ),
    (
        "Ngày [12/3|date 2024-03-12], đoàn công tác gồm [15 người|qty 15 người] đã đến thăm [3 xã|qty 3 xã] \
         vùng sâu. Hội nghị bàn cách tăng cường phối hợp giữa [5 tỉnh|qty 5 tỉnh] miền Tây.",
        &[],
    ),
    (
        "Xuất khẩu gạo [9 tháng|period 2024-01/2024-09] đạt [7 triệu tấn|qty 7000000 tấn], trị giá \
         [4,37 tỷ USD|money 4370000000 USD], tăng [10,6%|pct 10.6] về lượng và tăng [23,5%|pct 23.5] về giá trị.",
        &[
            "xuất khẩu gạo | 7000000 | tấn | level | - | - | 2024-01/2024-09 | -",
            "xuất khẩu gạo | 4370000000 | USD | level | - | - | 2024-01/2024-09 | -",
            "xuất khẩu gạo | 10.6 | % | increase | - | - | 2024-01/2024-09 | -",
            "xuất khẩu gạo | 23.5 | % | increase | - | - | 2024-01/2024-09 | -",
        ],
    ),
    (
        "Trong [tháng 10|date 2024-10], toàn tỉnh xảy ra [25 vụ|qty 25 vụ] tai nạn giao thông; so với cùng kỳ, \
         số vụ giảm [4 vụ|qty 4 vụ], số người chết giảm [3 người|qty 3 người].",
        &[
            // "xảy ra 25 vụ" is a narrated count, no statistic (GUIDELINES §7).
            "số vụ | 4 | vụ | decrease | same_period | - | 2024-10 | -",
            "số người chết | 3 | người | decrease | same_period | - | 2024-10 | -",
        ],
    ),
    (
        "Tính đến cuối [tháng 6/2024|date 2024-06], tổng dư nợ tín dụng trên địa bàn [thành phố Hà Nội|place Hà Nội] \
         đạt [3,6 triệu tỷ đồng|money 3600000000000000 VND], tăng [3,2%|pct 3.2] so với cuối năm trước.",
        &[
            "tổng dư nợ tín dụng | 3600000000000000 | VND | level | - | - | 2024-06 | Hà Nội",
            "tổng dư nợ tín dụng | 3.2 | % | increase | start_of_year | - | 2024-06 | Hà Nội",
        ],
    ),
    (
        "Các chuyên gia dự báo tăng trưởng GDP [năm 2025|date 2025] có thể đạt [6,8%|pct 6.8].",
        &["tăng trưởng GDP | 6.8 | % | level | - | forecast | 2025 | -"],
    ),
    (
        "[Kiên Giang|place Kiên Giang] công bố số liệu kinh tế [quý I/2024|period 2024-Q1].\n\n\
         Sản lượng khai thác thủy sản đạt [182.000 tấn|qty 182000 tấn]. Giá trị xuất khẩu thủy sản tăng [7,5%|pct 7.5].",
        &[
            // A reader carries the quarter across the paragraph break; the rule does not.
            "sản lượng khai thác thủy sản | 182000 | tấn | level | - | - | 2024-Q1 | Kiên Giang",
            "giá trị xuất khẩu thủy sản | 7.5 | % | increase | - | - | 2024-Q1 | Kiên Giang",
        ],
    ),
    (
        "Thu nội địa [năm 2024|date 2024] của [Quảng Ninh|place Quảng Ninh] đạt [38.500 tỷ đồng|money 38500000000000 VND], \
         vượt [10%|pct 10] dự toán và tăng [5,2%|pct 5.2] so với [năm 2023|date 2023].",
        &[
            "thu nội địa | 38500000000000 | VND | level | - | - | 2024 | Quảng Ninh",
            "thu nội địa | 10 | % | increase | plan | - | 2024 | Quảng Ninh",
            "thu nội địa | 5.2 | % | increase | previous_period | - | 2024 | Quảng Ninh",
        ],
    ),
    (
        "Chỉ số PCI [năm 2023|date 2023] của [Đồng Tháp|place Đồng Tháp] đạt [68,5 điểm|qty 68.5 điểm], \
         xếp [thứ 3|ord 3] cả nước.",
        &["chỉ số PCI | 68.5 | điểm | level | - | - | 2023 | Đồng Tháp"],
    ),
    (
        "Trong cơ cấu kinh tế, khu vực dịch vụ chiếm tỷ trọng [45,2%|pct 45.2]; khu vực công nghiệp và xây dựng \
         chiếm [33,1%|pct 33.1]; khu vực nông, lâm nghiệp và thủy sản chiếm [15,4%|pct 15.4].",
        &[
            "khu vực dịch vụ | 45.2 | % | share | - | - | - | -",
            "khu vực công nghiệp và xây dựng | 33.1 | % | share | - | - | - | -",
            "khu vực nông, lâm nghiệp và thủy sản | 15.4 | % | share | - | - | - | -",
        ],
    ),
    (
        "Giá cà phê nhân xô [hôm nay|date 2024-05-10] dao động [từ 126.000 đến 127.500 đồng/kg|money 126000..127500 VND per kg], \
         tăng [1.000 đồng/kg|money 1000 VND per kg] so với [hôm qua|date 2024-05-09].",
        &[
            "giá cà phê nhân xô | 126000..127500 | VND | level | - | - | 2024-05-10 | -",
            "giá cà phê nhân xô | 1000 | VND | increase | previous_period | - | 2024-05-10 | -",
        ],
    ),
    (
        "Nhờ giá bán tăng, doanh thu của các doanh nghiệp chế biến gỗ tăng [18%|pct 18].",
        &[
            "giá bán | - | - | increase | - | - | - | -",
            "doanh thu của các doanh nghiệp chế biến gỗ | 18 | % | increase | - | - | - | -",
        ],
    ),
    (
        "[Năm 2024|date 2024], [huyện Cái Nước|place Cái Nước] có [1.200 ha|qty 1200 ha] tôm siêu thâm canh. \
         [Cà Mau|place Cà Mau] đặt mục tiêu đến [năm 2025|date 2025] diện tích nuôi tôm siêu thâm canh đạt \
         [3.000 ha|qty 3000 ha].",
        &[
            "tôm siêu thâm canh | 1200 | ha | level | - | - | 2024 | Cái Nước",
            "diện tích nuôi tôm siêu thâm canh | 3000 | ha | level | - | target | 2025 | Cà Mau",
        ],
    ),
    (
        "GRDP bình quân đầu người của [Đồng Nai|place Đồng Nai] [năm 2023|date 2023] ước đạt \
         [118,6 triệu đồng|money 118600000 VND], tương đương [4.980 USD|money 4980 USD].",
        &["GRDP bình quân đầu người | 118600000 | VND | level | - | estimate | 2023 | Đồng Nai"],
    ),
    (
        "[6 tháng đầu năm 2024|period 2024-H1], doanh thu du lịch của [Quảng Nam|place Quảng Nam] đạt \
         [3.200 tỷ đồng|money 3200000000000 VND], tăng [15%|pct 15] so với cùng kỳ [năm 2023|date 2023].",
        &[
            "doanh thu du lịch | 3200000000000 | VND | level | - | - | 2024-H1 | Quảng Nam",
            "doanh thu du lịch | 15 | % | increase | same_period | - | 2024-H1 | Quảng Nam",
        ],
    ),
    (
        "Trong [quý III|period 2024-Q3], tỉnh cấp mới [12 dự án|qty 12 dự án] FDI với tổng vốn đăng ký \
         [450 triệu USD|money 450000000 USD].",
        &[
            "dự án FDI | 12 | dự án | level | - | - | 2024-Q3 | -",
            "tổng vốn đăng ký | 450000000 | USD | level | - | - | 2024-Q3 | -",
        ],
    ),
    (
        "Lượng khách quốc tế đến [Phú Quốc|place Phú Quốc] tăng gấp [2,5 lần|qty 2.5 lần] so với cùng kỳ.",
        &["lượng khách quốc tế | 2.5 | lần | increase | same_period | - | - | Phú Quốc"],
    ),
    (
        "Ông [Nguyễn Văn Hai|person Nguyễn Văn Hai] là một trong [10 doanh nhân|qty 10 doanh nhân] tiêu biểu. \
         Đội tuyển của trường đạt giải nhất.",
        &[],
    ),
    (
        "Sản lượng điện thương phẩm [tháng 7|date 2024-07] đạt [1,25 tỷ kWh|qty 1250000000 kWh], tăng \
         [12,3%|pct 12.3] so với cùng kỳ, trong đó điện cho công nghiệp chiếm [58%|pct 58].",
        &[
            "sản lượng điện thương phẩm | 1250000000 | kWh | level | - | - | 2024-07 | -",
            "sản lượng điện thương phẩm | 12.3 | % | increase | same_period | - | 2024-07 | -",
            "điện cho công nghiệp | 58 | % | share | - | - | 2024-07 | -",
        ],
    ),
    (
        "Chi thường xuyên [9 tháng|period 2024-01/2024-09] giảm [4,1%|pct 4.1] do tiết kiệm chi hành chính.",
        &["chi thường xuyên | 4.1 | % | decrease | - | - | 2024-01/2024-09 | -"],
    ),
    (
        "Giá căn hộ chung cư tiếp tục tăng, còn giá đất nền đi ngang.",
        &["giá căn hộ chung cư | - | - | increase | - | - | - | -"],
    ),
    (
        "[Tháng 12/2024|date 2024-12], [Việt Nam|place Việt Nam] đón [1,7 triệu lượt|qty 1700000 lượt] khách quốc tế. \
         Tính chung [năm 2024|date 2024], tổng lượng khách quốc tế đạt [17,6 triệu lượt|qty 17600000 lượt], \
         tăng [39,5%|pct 39.5] so với năm trước.",
        &[
            "lượt khách quốc tế | 1700000 | lượt | level | - | - | 2024-12 | Việt Nam",
            "tổng lượng khách quốc tế | 17600000 | lượt | level | - | - | 2024 | Việt Nam",
            "tổng lượng khách quốc tế | 39.5 | % | increase | previous_period | - | 2024 | Việt Nam",
        ],
    ),
    (
        "Lãi suất tiền gửi kỳ hạn [12 tháng|dur P12M] tại các ngân hàng thương mại phổ biến ở mức [4,7%|pct 4.7]/năm.",
        &["lãi suất tiền gửi kỳ hạn 12 tháng | 4.7 | % | level | - | - | - | -"],
    ),
    (
        "Các khu công nghiệp của tỉnh thu hút [35 dự án|qty 35 dự án] mới, tổng vốn đầu tư \
         [820 triệu USD|money 820000000 USD]; tỷ lệ lấp đầy đạt [78%|pct 78].",
        &[
            "dự án mới | 35 | dự án | level | - | - | - | -",
            "tổng vốn đầu tư | 820000000 | USD | level | - | - | - | -",
            "tỷ lệ lấp đầy | 78 | % | level | - | - | - | -",
        ],
    ),
    (
        "[Năm 2024|date 2024], kim ngạch xuất nhập khẩu của [Hải Phòng|place Hải Phòng] ước đạt \
         [31 tỷ USD|money 31000000000 USD]; trong đó xuất khẩu đạt [15,2 tỷ USD|money 15200000000 USD], \
         nhập khẩu đạt [15,8 tỷ USD|money 15800000000 USD], nhập siêu [0,6 tỷ USD|money 600000000 USD].",
        &[
            "kim ngạch xuất nhập khẩu | 31000000000 | USD | level | - | estimate | 2024 | Hải Phòng",
            "xuất khẩu | 15200000000 | USD | level | - | - | 2024 | Hải Phòng",
            "nhập khẩu | 15800000000 | USD | level | - | - | 2024 | Hải Phòng",
            "nhập siêu | 600000000 | USD | level | - | - | 2024 | Hải Phòng",
        ],
    ),
    (
        "Hội nghị có sự tham dự của [200 đại biểu|qty 200 đại biểu]. Bà [Lê Thị Hoa|person Lê Thị Hoa], \
         [45 tuổi|qty 45 tuổi], đã có [20 năm|dur P20Y] gắn bó với nghề.",
        &[],
    ),
    (
        "Tỷ lệ che phủ rừng của [tỉnh Yên Bái|place Yên Bái] đạt [63%|pct 63], tăng \
         [0,3 điểm phần trăm|pp 0.3] so với [năm 2023|date 2023].",
        &[
            "tỷ lệ che phủ rừng | 63 | % | level | - | - | - | Yên Bái",
            "tỷ lệ che phủ rừng | 0.3 | điểm phần trăm | increase | previous_period | - | - | Yên Bái",
        ],
    ),
    (
        "Tỷ lệ bao phủ bảo hiểm y tế trên địa bàn [tỉnh Nghệ An|place Nghệ An] đạt [93,5%|pct 93.5] dân số, \
         vượt chỉ tiêu được giao.",
        &["tỷ lệ bao phủ bảo hiểm y tế | 93.5 | % | level | - | - | - | Nghệ An"],
    ),
    (
        "Doanh thu xuất khẩu thủy sản [quý I|period 2024-Q1] đạt [210 triệu USD|money 210000000 USD] \
         (tăng [8%|pct 8] so với cùng kỳ).",
        &[
            "doanh thu xuất khẩu thủy sản | 210000000 | USD | level | - | - | 2024-Q1 | -",
            "doanh thu xuất khẩu thủy sản | 8 | % | increase | same_period | - | 2024-Q1 | -",
        ],
    ),
    (
        "Tại [TP.HCM|place Thành phố Hồ Chí Minh], chỉ số giá tiêu dùng [tháng 3|date 2024-03] giảm \
         [0,15%|pct 0.15] so với tháng trước; tại [Hà Nội|place Hà Nội], CPI tăng [0,1%|pct 0.1].",
        &[
            "chỉ số giá tiêu dùng | 0.15 | % | decrease | previous_period | - | 2024-03 | Thành phố Hồ Chí Minh",
            "CPI | 0.1 | % | increase | - | - | 2024-03 | Hà Nội",
        ],
    ),
    (
        "Đến nay, [huyện Mỏ Cày Nam|place Mỏ Cày Nam] đã giải ngân [65%|pct 65] kế hoạch vốn đầu tư công \
         [năm 2024|date 2024].",
        &["giải ngân | 65 | % | level | plan | - | 2024 | Mỏ Cày Nam"],
    ),
    (
        "[11 tháng năm 2024|period 2024-01/2024-11], cả nước có [148.500 doanh nghiệp|qty 148500 doanh nghiệp] \
         thành lập mới, tăng [7,1%|pct 7.1]; số doanh nghiệp quay trở lại hoạt động là \
         [64.700 doanh nghiệp|qty 64700 doanh nghiệp].",
        &[
            "doanh nghiệp thành lập mới | 148500 | doanh nghiệp | level | - | - | 2024-01/2024-11 | -",
            "doanh nghiệp thành lập mới | 7.1 | % | increase | - | - | 2024-01/2024-11 | -",
            "số doanh nghiệp quay trở lại hoạt động | 64700 | doanh nghiệp | level | - | - | 2024-01/2024-11 | -",
        ],
    ),
    (
        "Do ảnh hưởng của thời tiết, sản lượng cá tra giảm so với cùng kỳ.",
        &["sản lượng cá tra | - | - | decrease | same_period | - | - | -"],
    ),
    (
        "Bội chi ngân sách nhà nước [năm 2023|date 2023] ở mức [3,5%|pct 3.5] GDP.",
        &["bội chi ngân sách nhà nước | 3.5 | % | level | - | - | 2023 | -"],
    ),
    (
        "Chỉ số VN-Index đóng cửa ở mức [1.250,5 điểm|qty 1250.5 điểm], giảm [12,3 điểm|qty 12.3 điểm] \
         so với phiên trước.",
        &[
            "chỉ số VN-Index | 1250.5 | điểm | level | - | - | - | -",
            "chỉ số VN-Index | 12.3 | điểm | decrease | previous_period | - | - | -",
        ],
    ),
    (
        "Riêng [tháng 12|date 2024-12], doanh thu bán lẻ hàng hóa đạt [4.100 tỷ đồng|money 4100000000000 VND].",
        &["doanh thu bán lẻ hàng hóa | 4100000000000 | VND | level | - | - | 2024-12 | -"],
    ),
    (
        "[Sóc Trăng|place Sóc Trăng] có [6 thị xã|qty 6 thị xã]. Tại [thị xã Vĩnh Châu|place Vĩnh Châu], \
         diện tích trồng hành tím đạt [7.000 ha|qty 7000 ha]. Sản lượng hành tím ước đạt \
         [140.000 tấn|qty 140000 tấn].",
        &[
            "thị xã | 6 | thị xã | level | - | - | - | Sóc Trăng",
            "diện tích trồng hành tím | 7000 | ha | level | - | - | - | Vĩnh Châu",
            // Places do not carry across sentences: the document's place.
            "sản lượng hành tím | 140000 | tấn | level | - | estimate | - | Sóc Trăng",
        ],
    ),
];

/// Documents written after the rules, kept apart from [`GOLD`]. Measured
/// before any change: precision 0.696, recall 0.615 (16 of 23 extracted
/// records correct, 26 in the table); the rules were then generalized from
/// its misses, so it is no longer blind either.
const HELD_OUT: &[(&str, &[&str])] = &[
    (
        "[Quý III/2024|period 2024-Q3], giá trị sản xuất công nghiệp của [Thái Nguyên|place Thái Nguyên] ước đạt \
         [240.000 tỷ đồng|money 240000000000000 VND], giảm [2,5%|pct 2.5] so với quý trước nhưng tăng [4%|pct 4] \
         so với cùng kỳ.",
        &[
            "giá trị sản xuất công nghiệp | 240000000000000 | VND | level | - | estimate | 2024-Q3 | Thái Nguyên",
            "giá trị sản xuất công nghiệp | 2.5 | % | decrease | previous_period | estimate | 2024-Q3 | Thái Nguyên",
            "giá trị sản xuất công nghiệp | 4 | % | increase | same_period | estimate | 2024-Q3 | Thái Nguyên",
        ],
    ),
    (
        "Số thuê bao Internet băng rộng cố định đạt [23,1 triệu thuê bao|qty 23100000 thuê bao], tăng [9,8%|pct 9.8] \
         so với cùng thời điểm năm trước.",
        &[
            "số thuê bao internet băng rộng cố định | 23100000 | thuê bao | level | - | - | - | -",
            "số thuê bao internet băng rộng cố định | 9.8 | % | increase | same_period | - | - | -",
        ],
    ),
    (
        "Trong [năm học 2023-2024|period 2023/2024], toàn tỉnh có [312 trường học|qty 312 trường học], tỷ lệ học sinh \
         tốt nghiệp trung học phổ thông đạt [99,2%|pct 99.2].",
        &[
            "trường học | 312 | trường học | level | - | - | 2023/2024 | -",
            "tỷ lệ học sinh tốt nghiệp trung học phổ thông | 99.2 | % | level | - | - | 2023/2024 | -",
        ],
    ),
    (
        "Lượng mưa tại [Huế|place Huế] trong đợt lũ vừa qua lên tới [1.200 mm|qty 1200 mm]; mực nước sông Hương dâng cao.",
        // A weather reading is no statistic (GUIDELINES §7).
        &[],
    ),
    (
        "Giá xăng RON95 từ [15 giờ chiều nay|date 2024-07-04T15:00] giảm [320 đồng/lít|money 320 VND per lít], \
         xuống còn [23.450 đồng/lít|money 23450 VND per lít].",
        &[
            "giá xăng RON95 | 320 | VND | decrease | - | - | 2024-07-04T15:00 | -",
            "giá xăng RON95 | 23450 | VND | decrease | - | - | 2024-07-04T15:00 | -",
        ],
    ),
    (
        "Tính đến [hết tháng 10|date 2024-10], dư nợ cho vay nông nghiệp, nông thôn đạt \
         [72.000 tỷ đồng|money 72000000000000 VND], chiếm [38%|pct 38] tổng dư nợ.",
        &[
            "dư nợ cho vay nông nghiệp, nông thôn | 72000000000000 | VND | level | - | - | 2024-10 | -",
            "dư nợ cho vay nông nghiệp, nông thôn | 38 | % | share | - | - | 2024-10 | -",
        ],
    ),
    (
        "[Năm nay|date 2024], [Lâm Đồng|place Lâm Đồng] phấn đấu đón [8,5 triệu lượt khách|qty 8500000 lượt khách], \
         doanh thu du lịch đạt [khoảng 15.000 tỷ đồng|money 15000000000000 VND].",
        &[
            "lượt khách | 8500000 | lượt khách | level | - | target | 2024 | Lâm Đồng",
            "doanh thu du lịch | 15000000000000 | VND | level | - | target | 2024 | Lâm Đồng",
        ],
    ),
    (
        "Sản lượng cao su khai thác [9 tháng|period 2024-01/2024-09] ước đạt [780.000 tấn|qty 780000 tấn], \
         giảm nhẹ so với cùng kỳ do thời tiết bất lợi.",
        &[
            "sản lượng cao su khai thác | 780000 | tấn | level | - | estimate | 2024-01/2024-09 | -",
            "sản lượng cao su khai thác | - | - | decrease | same_period | estimate | 2024-01/2024-09 | -",
        ],
    ),
    (
        "Trong [tháng 5|date 2024-05], cả nước có [13.000 doanh nghiệp|qty 13000 doanh nghiệp] rút lui khỏi thị trường, \
         giảm [5,3%|pct 5.3] so với tháng trước.",
        &[
            "doanh nghiệp rút lui khỏi thị trường | 13000 | doanh nghiệp | level | - | - | 2024-05 | -",
            "doanh nghiệp rút lui khỏi thị trường | 5.3 | % | decrease | previous_period | - | 2024-05 | -",
        ],
    ),
    (
        "Kim ngạch xuất khẩu nông, lâm, thủy sản [11 tháng|period 2024-01/2024-11] đạt [57 tỷ USD|money 57000000000 USD]; \
         thặng dư thương mại ngành đạt [17 tỷ USD|money 17000000000 USD].",
        &[
            "kim ngạch xuất khẩu nông, lâm, thủy sản | 57000000000 | USD | level | - | - | 2024-01/2024-11 | -",
            "thặng dư thương mại ngành | 17000000000 | USD | level | - | - | 2024-01/2024-11 | -",
        ],
    ),
    (
        "Bà [Trần Thị Mai|person Trần Thị Mai] cho biết doanh số của cửa hàng tăng [gần 30%|pct 30] trong dịp Tết.",
        &["doanh số của cửa hàng | 30 | % | increase | - | - | - | -"],
    ),
    (
        "Chỉ số giá tiêu dùng bình quân [năm 2024|date 2024] được kiểm soát dưới mục tiêu, tăng [3,63%|pct 3.63].",
        &["chỉ số giá tiêu dùng bình quân | 3.63 | % | increase | - | - | 2024 | -"],
    ),
    ("Trận đấu có [25.000 khán giả|qty 25000 khán giả] theo dõi.", &[]),
    (
        "Trong [6 tháng|period 2024-H1], [Đà Nẵng|place Đà Nẵng] thu ngân sách [14.600 tỷ đồng|money 14600000000000 VND], \
         đạt [58%|pct 58] dự toán.",
        &[
            "thu ngân sách | 14600000000000 | VND | level | - | - | 2024-H1 | Đà Nẵng",
            "thu ngân sách | 58 | % | level | plan | - | 2024-H1 | Đà Nẵng",
        ],
    ),
    (
        "Năng suất lúa bình quân của [An Giang|place An Giang] tăng [0,4 tạ/ha|qty 0.4 tạ per ha], lên \
         [62,8 tạ/ha|qty 62.8 tạ per ha].",
        &[
            "năng suất lúa bình quân | 0.4 | tạ | increase | - | - | - | An Giang",
            "năng suất lúa bình quân | 62.8 | tạ | increase | - | - | - | An Giang",
        ],
    ),
];

/// Scores `table`: (correct, gold, extracted, report of the differences).
fn score(table: &[(&str, &[&str])]) -> (usize, usize, usize, String) {
    let (mut tp, mut n_gold, mut n_got) = (0, 0, 0);
    let mut report = String::new();
    for (src, gold) in table {
        let doc = marked_doc(src);
        let got: Vec<String> = doc.statistics.iter().map(show).collect();
        let mut missing: Vec<String> = gold.iter().map(|g| normalize_record(g)).collect();
        n_gold += missing.len();
        n_got += got.len();
        let mut extra = Vec::new();
        for g in got {
            match missing.iter().position(|m| *m == g) {
                Some(i) => {
                    missing.remove(i);
                    tp += 1;
                }
                None => extra.push(g),
            }
        }
        if !missing.is_empty() || !extra.is_empty() {
            report += &format!("\n{}\n", &doc.text);
            for m in &missing {
                report += &format!("  missing: {m}\n");
            }
            for e in &extra {
                report += &format!("  extra:   {e}\n");
            }
        }
    }
    (tp, n_gold, n_got, report)
}

fn precision_recall(name: &str, table: &[(&str, &[&str])]) -> (f64, f64, usize, String) {
    let (tp, n_gold, n_got, report) = score(table);
    let precision = tp as f64 / n_got.max(1) as f64;
    let recall = tp as f64 / n_gold.max(1) as f64;
    println!(
        "{name}: gold records {n_gold}, extracted {n_got}, correct {tp}: \
         precision {precision:.3}, recall {recall:.3}{report}"
    );
    (precision, recall, n_gold, report)
}

#[test]
fn gold_table_precision_and_recall() {
    let (precision, recall, n_gold, report) = precision_recall("development", GOLD);
    assert!(n_gold >= 100, "the table holds {n_gold} records");
    // A development table (the rules were tuned on it): a regression guard,
    // not a blind measurement. Known misses are listed in the report.
    assert!(precision >= 0.95 && recall >= 0.95, "{report}");
}

#[test]
fn long_sentences_stay_linear() {
    // One sentence of 2,000 clauses, and one of 20,000 words before its verb.
    let text = "Giá lúa tăng 5, giá gạo giảm 3, ".repeat(1000) + "hết.";
    let start = std::time::Instant::now();
    let doc = Annotator::new().annotate(&text);
    assert_eq!(doc.statistics.len(), 2000);
    assert_eq!(doc.statistics[1].indicator, "giá gạo");
    assert_eq!(doc.statistics[1].change, Some(Decrease));
    let text = "rất ".repeat(20_000) + "nhiều tăng 5.";
    let doc = Annotator::new().annotate(&text);
    assert_eq!(doc.statistics.len(), 1);
    // 30,000 sentences, each with a record, and their CSV.
    let text = "Giá lúa tăng 5. ".repeat(30_000);
    let doc = Annotator::new().annotate(&text);
    assert_eq!(doc.statistics.len(), 30_000);
    let mut out = Vec::new();
    chiso::statistics::write_csv_rows(&doc, &mut out);
    assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 30_000);
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn an_area_word_alone_is_no_indicator() {
    let doc = doc_with(
        "Tỉnh đạt 3 giải vàng. - Tổng thu ngân sách đạt 500 tỷ đồng.",
        &[
            ("3 giải", qty("3", "giải")),
            ("500 tỷ đồng", money("500000000000", "VND")),
        ],
    );
    let got = records(&doc);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].indicator, "tổng thu ngân sách");
    // The clause leaves the list dash out.
    assert_eq!(
        doc.statistics[0].span.slice(&doc.text),
        "Tổng thu ngân sách đạt 500 tỷ đồng"
    );
}

#[test]
fn statistics_reach_the_json_document() {
    let doc = Annotator::new().annotate("Doanh thu đạt 1.234, tăng 12 so với cùng kỳ.");
    let json = chiso::output::json::to_value(&doc, Default::default());
    let stats = json["statistics"].as_array().unwrap();
    assert_eq!(stats.len(), 2);
    assert_eq!(stats[0]["indicator"], "doanh thu");
    assert_eq!(stats[0]["value"], 1234);
    assert_eq!(stats[0]["change"], "level");
    assert_eq!(stats[1]["base"], "same_period");
    assert_eq!(stats[1]["start"], 0);
    assert_eq!(stats[1]["text"], "Doanh thu đạt 1.234, tăng 12 so với cùng kỳ");
}

#[test]
fn a_comparison_read_as_a_period_stays_a_comparison() {
    let doc = doc_with(
        "Quý I/2024, doanh thu bằng 105% cùng kỳ năm trước.",
        &[
            ("Quý I/2024", period("2024-Q1", "2024-01-01", "2024-03-31")),
            ("105%", pct("105")),
            ("cùng kỳ năm trước", period("2023-Q1", "2023-01-01", "2023-03-31")),
        ],
    );
    let got = records(&doc);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].base, Some(Base::SamePeriod));
    assert_eq!(got[0].period.as_deref(), Some("2024-Q1"));
}

#[test]
fn reported_speech_without_a_comma() {
    let doc = doc_with(
        "Giám đốc Sở Công Thương cho biết kim ngạch xuất khẩu quý I tăng 9%.",
        &[
            ("quý I", period("2024-Q1", "2024-01-01", "2024-03-31")),
            ("9%", pct("9")),
        ],
    );
    let got = records(&doc);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].indicator, "kim ngạch xuất khẩu");
    assert_eq!(got[0].period.as_deref(), Some("2024-Q1"));
}

#[test]
fn held_out_table_precision_and_recall() {
    let (precision, recall, n_gold, report) = precision_recall("held out", HELD_OUT);
    assert!(n_gold >= 25, "the table holds {n_gold} records");
    assert!(precision >= 0.9 && recall >= 0.9, "{report}");
}

/// The place of a figure whose sentence names none is the document's main
/// place: the first place of its first paragraph (also inside an
/// organization), never a venue ("tại Hà Nội"), a destination or a place
/// named in an earlier sentence of the paragraph.
#[test]
fn main_place_is_the_first_paragraph_place_and_places_do_not_carry() {
    let date = chiso::Date::new(2024, 3, 12);
    let annotate = |text: &str| chiso::Annotator::new().annotate_dated(text, date);
    let places = |doc: &Document| -> Vec<(String, Option<String>)> {
        doc.statistics
            .iter()
            .map(|s| (s.indicator.clone(), s.place.clone()))
            .collect()
    };
    let doc = annotate(
        "Sáng 12/3, tại Hà Nội, Ban Chấp hành Đảng bộ tỉnh Hà Giang tổ chức hội nghị sơ kết.\n\n\
         Kim ngạch xuất khẩu sang Nhật Bản đạt 12 triệu USD. Huyện Vị Xuyên có nhiều hợp tác xã mới. \
         Tổng thu ngân sách đạt 3.200 tỷ đồng, tăng 8% so với cùng kỳ.",
    );
    assert_eq!(chiso::statistics::main_place(&doc).as_deref(), Some("Hà Giang"));
    let hg = Some("Hà Giang".to_string());
    assert_eq!(
        places(&doc),
        [
            ("kim ngạch xuất khẩu sang Nhật Bản".to_string(), hg.clone()),
            ("tổng thu ngân sách".to_string(), hg.clone()),
            ("tổng thu ngân sách".to_string(), hg),
        ]
    );
    // Negative: a national report whose first paragraph names no place; the
    // venue of a later sentence is not the place of the next one.
    let doc = annotate(
        "Tổng cục Thống kê công bố số liệu quý I/2024.\n\n\
         Tại Đà Nẵng, hội nghị diễn ra sáng nay. Tổng thu ngân sách đạt 3.200 tỷ đồng.",
    );
    assert_eq!(chiso::statistics::main_place(&doc), None);
    assert_eq!(places(&doc), [("tổng thu ngân sách".to_string(), None)]);
    // A place named in the figure's own sentence wins over the main place.
    let doc = annotate(
        "Tỉnh Phú Yên sơ kết 6 tháng.\n\nSản lượng tôm của Khánh Hòa đạt 9.500 tấn. Sản lượng cá đạt 1.200 tấn.",
    );
    let got = places(&doc);
    assert_eq!(got[0].1.as_deref(), Some("Khánh Hòa"));
    assert_eq!(got.last().unwrap().1.as_deref(), Some("Phú Yên"));
}

/// The period of a figure: a dateline day ("Ngày 3/12/2024, … cho biết")
/// dates the telling, not the figures; a running total "9 tháng" is
/// January to September of the report's year; "cả năm 2025" keeps its
/// year; a sentence without a period takes the headline's.
#[test]
fn dateline_running_months_and_headline_period() {
    let date = chiso::Date::new(2024, 12, 3);
    let doc = chiso::Annotator::new().annotate_dated(
        "Tình hình kinh tế tỉnh Hòa Bình 11 tháng năm 2024\n\n\
         Ngày 3/12/2024, Cục Thống kê cho biết doanh thu du lịch trong tháng 11/2024 ước đạt 640 tỷ đồng. \
         Giá trị sản xuất công nghiệp 9 tháng đạt 21.300 tỷ đồng. \
         Phấn đấu cả năm 2025, số doanh nghiệp mới đạt 900 doanh nghiệp.\n\n\
         Tổng vốn đầu tư toàn xã hội đạt 18.700 tỷ đồng.",
        date,
    );
    let got: Vec<(String, Option<String>)> = doc
        .statistics
        .iter()
        .map(|s| (s.indicator.clone(), s.period.as_ref().map(|p| p.value.clone())))
        .collect();
    let want = [
        ("doanh thu du lịch", "2024-11"),
        ("giá trị sản xuất công nghiệp", "2024-01/2024-09"),
        ("số doanh nghiệp mới", "2025"),
        ("tổng vốn đầu tư toàn xã hội", "2024-01/2024-11"),
    ];
    let want: Vec<(String, Option<String>)> = want.iter().map(|(i, p)| (i.to_string(), Some(p.to_string()))).collect();
    assert_eq!(got, want);
    let months = &doc.statistics[1].period.as_ref().unwrap();
    assert_eq!(
        (months.from.as_deref(), months.to.as_deref()),
        (Some("2024-01-01"), Some("2024-09-30"))
    );
    // Negative: a report dated in January on "11 tháng" is about the year
    // before; a figure with no period anywhere has none.
    let doc = chiso::Annotator::new().annotate_dated(
        "Xuất khẩu gạo 11 tháng đạt 8,2 triệu tấn.",
        chiso::Date::new(2025, 1, 5),
    );
    assert_eq!(
        doc.statistics[0].period.as_ref().map(|p| p.value.as_str()),
        Some("2024-01/2024-11")
    );
    let doc = chiso::Annotator::new().annotate("Sáng 4/3, Sở Tài chính cho biết thu ngân sách đạt 5.200 tỷ đồng.");
    assert_eq!(doc.statistics.len(), 1);
    assert_eq!(doc.statistics[0].period, None);
}

/// A headline (a first line without a final full stop) repeats a figure of
/// the body: no record; a lead sentence that ends in "." is a sentence.
#[test]
fn headline_figures_give_no_records() {
    let date = chiso::Date::new(2024, 10, 8);
    let doc = chiso::Annotator::new().annotate_dated(
        "Bình Phước: Xuất khẩu 9 tháng đạt hơn 3 tỷ USD\n\n\
         Kim ngạch xuất khẩu 9 tháng năm 2024 của tỉnh ước đạt 3,05 tỷ USD.",
        date,
    );
    let got: Vec<_> = doc.statistics.iter().map(|s| s.indicator.as_str()).collect();
    assert_eq!(got, ["kim ngạch xuất khẩu"]);
    assert_eq!(doc.statistics[0].place.as_deref(), Some("Bình Phước"));
    let doc = chiso::Annotator::new().annotate_dated(
        "Kim ngạch xuất khẩu 9 tháng năm 2024 của tỉnh ước đạt 3,05 tỷ USD.\n\n\
         Nhập khẩu đạt 1,2 tỷ USD.",
        date,
    );
    assert_eq!(doc.statistics.len(), 2);
}

/// "ghi nhận" counts like "có" after an area ("thành phố ghi nhận 1.320
/// ca …"); a source named before a comma ("Theo Sở Y tế …,") or a speaker
/// before "công bố"/"yêu cầu" is never the indicator.
#[test]
fn recorded_counts_and_speakers_are_not_indicators() {
    let date = chiso::Date::new(2024, 9, 2);
    let doc = chiso::Annotator::new().annotate_dated(
        "Theo Sở Y tế tỉnh Đồng Nai, từ đầu năm đến nay, toàn tỉnh ghi nhận 1.320 ca sốt xuất huyết, giảm 21,4% so với cùng kỳ. \
         Đại diện Cục Thống kê công bố chỉ số sản xuất công nghiệp tăng 7,3%.",
        date,
    );
    let got: Vec<_> = doc.statistics.iter().map(|s| s.indicator.as_str()).collect();
    assert_eq!(
        got,
        ["ca sốt xuất huyết", "ca sốt xuất huyết", "chỉ số sản xuất công nghiệp"]
    );
    // Negative: "ghi nhận" with no area before it is no count.
    let doc = chiso::Annotator::new().annotate_dated("Đoàn công tác ghi nhận 3 kiến nghị của cử tri.", date);
    assert!(doc.statistics.is_empty(), "{:?}", doc.statistics);
}

/// Weather readings, narrated events and a source named as the subject are
/// no statistics (GUIDELINES §7); the report figures around them are.
#[test]
fn weather_events_and_sources_give_no_records() {
    let date = chiso::Date::new(2024, 12, 20);
    let annotate = |text: &str| chiso::Annotator::new().annotate_dated(text, date);
    for text in [
        "Sáng 20/12, nhiệt độ thấp nhất tại Mộc Châu là 6 độ C, độ ẩm 95%.",
        "Từ đêm 20/12, khu vực Tây Nguyên có mưa vừa với tổng lượng mưa phổ biến 40 - 80 mm.",
        "Chỉ số tia cực tím ở mức 10, nguy cơ gây hại cao.",
        "Trong tuần, toàn tỉnh xảy ra 14 vụ tai nạn giao thông, làm chết 9 người, bị thương 6 người.",
    ] {
        let doc = annotate(text);
        assert!(doc.statistics.is_empty(), "{text}: {:?}", doc.statistics);
    }
    let doc = annotate(
        "Theo Cục Thống kê tỉnh Tây Ninh, năm 2024, sản lượng mía đạt 1,2 triệu tấn, giảm 3,5% so với năm trước.",
    );
    let got: Vec<_> = doc.statistics.iter().map(|s| s.indicator.as_str()).collect();
    assert_eq!(got, ["sản lượng mía", "sản lượng mía"]);
    // A change in accidents against a base is a statistic.
    let doc = annotate("So với cùng kỳ, số vụ tai nạn giao thông giảm 12 vụ.");
    assert_eq!(doc.statistics.len(), 1);
    assert_eq!(doc.statistics[0].indicator, "số vụ tai nạn giao thông");
}

/// A change verb that a figure took as its bound word ("vượt 18%", "gấp
/// 2,1 lần") still opens its own verb group: increase, with its own base;
/// the level before it keeps none.
#[test]
fn bound_change_verbs_open_their_group() {
    let date = chiso::Date::new(2024, 12, 20);
    let doc = chiso::Annotator::new().annotate_dated(
        "Thu ngân sách nhà nước năm 2024 đạt 9.120 tỷ đồng, vượt 14% dự toán. \
         Khách quốc tế năm 2024 ước đạt 640.000 lượt, gấp 1,8 lần cùng kỳ.",
        date,
    );
    let got: Vec<_> = doc
        .statistics
        .iter()
        .map(|s| (s.unit.clone().unwrap_or_default(), s.change, s.base))
        .collect();
    assert_eq!(
        got,
        [
            ("VND".to_string(), Some(Level), None),
            ("%".to_string(), Some(Increase), Some(Base::Plan)),
            ("lượt".to_string(), Some(Level), None),
            ("lần".to_string(), Some(Increase), Some(Base::SamePeriod)),
        ]
    );
}

/// "tạm tính" (provisional) is an estimate; "gồm" joins the parts of a
/// total like "trong đó" and is not part of the next indicator.
#[test]
fn provisional_estimates_and_parts_of_a_total() {
    let date = chiso::Date::new(2025, 7, 20);
    let doc = chiso::Annotator::new().annotate_dated(
        "Tỷ lệ đỗ tạm tính đạt 97,6%. Tổng chi ngân sách năm 2025 là 21.300 tỷ đồng, gồm chi thường xuyên 15.100 tỷ đồng.",
        date,
    );
    let got: Vec<_> = doc
        .statistics
        .iter()
        .map(|s| (s.indicator.as_str(), s.qualifier))
        .collect();
    assert_eq!(
        got,
        [
            ("tỷ lệ đỗ", Some(Qualifier::Estimate)),
            ("tổng chi ngân sách", None),
            ("chi thường xuyên", None),
        ]
    );
}
