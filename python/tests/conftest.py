"""Shared fixtures of the Python tests (run against the installed wheel)."""

import os

import chiso
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
THROUGHPUT = os.path.join(HERE, "..", "..", "..", "shared", "data", "throughput", "vi_news_dantri_2020.txt")

# Our own sentences (not from any corpus): figures, dates, officials, places.
SENTENCES = [
    "Năm 2023, sản lượng lúa đạt 1.234,5 nghìn tấn, tăng 3,4%.",
    "Ngày 16/6, tỉnh đã giải ngân 1.234,5 tỷ đồng, đạt 45% kế hoạch.",
    "Ông Nguyễn Văn Hòa, Chủ tịch UBND tỉnh Bến Tre, cho biết quý III/2023 tỉnh thu hút 1.250 tỷ đồng vốn.",
    "Quý III/2023, xuất khẩu thủy sản đạt 2,1 tỷ USD, giảm 5% so với cùng kỳ.",
    "Hôm qua, giá xăng giảm 500 đồng mỗi lít.",
    "Tháng 5/2024, toàn tỉnh có khoảng 3.120 hộ nghèo, giảm từ 5 đến 7%.",
    "Trời hôm nay nắng đẹp.",
    "",
    "🎉🇻🇳 Năm 2023, xuất khẩu đạt 2,1 tỷ USD 👍, tăng 3,4%.",
    "Lúc 14h30 ngày 2/9/2024, lần thứ 13 đoàn đến thăm huyện Châu Thành trong 3 ngày.",
]


@pytest.fixture(scope="session")
def nlp():
    return chiso.Annotator(reference_date="2023-06-20")


def news_lines(limit=None):
    """Lines of the shared news sample, or skip when ../shared is absent."""
    if not os.path.exists(THROUGHPUT):
        pytest.skip(f"{THROUGHPUT} is absent (no ../shared beside the repository)")
    with open(THROUGHPUT, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    return lines[:limit] if limit else lines
