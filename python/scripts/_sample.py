"""Input for the engine scripts: the shared news sample, or a generated file."""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
NEWS = os.path.join(HERE, "..", "..", "..", "shared", "data", "throughput", "vi_news_dantri_2020.txt")

# Our own sentences, repeated when the news sample is absent.
SENTENCES = [
    "Năm 2023, sản lượng lúa đạt 1.234,5 nghìn tấn, tăng 3,4%.",
    "Ngày 16/6, tỉnh đã giải ngân 1.234,5 tỷ đồng, đạt 45% kế hoạch.",
    "Ông Nguyễn Văn Hòa, Chủ tịch UBND tỉnh Bến Tre, cho biết quý III/2023 tỉnh thu hút 1.250 tỷ đồng vốn.",
    "Quý III/2023, xuất khẩu thủy sản đạt 2,1 tỷ USD, giảm 5% so với cùng kỳ.",
    "Tháng 5/2024, toàn tỉnh có khoảng 3.120 hộ nghèo, giảm từ 5 đến 7%.",
]


def input_file(path, directory):
    """`path`, else the news sample, else a generated file in `directory`."""
    if path:
        return path
    if os.path.exists(NEWS):
        return NEWS
    generated = os.path.join(directory, "sample.txt")
    with open(generated, "w", encoding="utf-8") as f:
        for i in range(5000):
            f.write(SENTENCES[i % len(SENTENCES)] + "\n")
    return generated
