"""Every algorithm by name: valid rankings, sumy parity, odd documents, languages."""

from __future__ import annotations

import pytest

from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM, get_algorithm
from summarizer.algorithms.base import Document
from summarizer.algorithms.sumy_algorithms import SUMY_NAMES, SumyAlgorithm, to_sumy_document
from summarizer.article import Article
from summarizer.errors import UnknownAlgorithmError
from summarizer.summarize import build_document

ARTICLE = Article(
    title="Acme Motors to build Ohio battery plant",
    paragraphs=(
        "Acme Motors said on Tuesday it would build a new battery plant in Ohio, creating "
        "2,000 jobs. The $3.5bn factory will supply cells for its electric pickups.",
        "The plant is Acme's largest investment in the U.S. since 2015. Construction starts "
        "in the spring and the first cells should leave the line in 2027.",
        "Rival Bolt Trucks announced a similar plant in Texas last month. Analysts said the "
        "two firms were racing to secure battery supplies before prices rise.",
        "Acme's share price rose 4% after the announcement. Shares in its suppliers rose too.",
        'Chief executive Maria Lopez said: "Batteries are the heart of the business. We want '
        'to make them ourselves." She did not give a production target.',
        "Ohio's governor welcomed the investment and promised tax breaks worth $200m.",
    ),
)
EXPECTED_NAMES = {
    "lead",
    "lexrank",
    "textrank",
    "lsa",
    "luhn",
    "edmundson",
    "kl",
    "sumbasic",
    "reduction",
    "random",
    "newsrank",
}


@pytest.fixture(scope="module")
def doc() -> Document:
    return build_document(ARTICLE)


def test_every_issue_name_is_registered() -> None:
    assert set(ALGORITHMS) == EXPECTED_NAMES
    assert DEFAULT_ALGORITHM in ALGORITHMS
    assert get_algorithm(None).name == DEFAULT_ALGORITHM


@pytest.mark.parametrize("name", sorted(EXPECTED_NAMES))
@pytest.mark.parametrize("count", [1, 3, 5])
def test_every_algorithm_returns_distinct_valid_indices(
    doc: Document, name: str, count: int
) -> None:
    algo = get_algorithm(name)
    assert algo.name == name
    picked = algo.select(doc, count)
    assert len(picked) == count
    assert len(set(picked)) == count
    assert all(0 <= i < len(doc.sentences) for i in picked)


@pytest.mark.parametrize("name", sorted(EXPECTED_NAMES))
def test_count_beyond_the_document_returns_every_sentence(doc: Document, name: str) -> None:
    picked = get_algorithm(name).select(doc, len(doc.sentences) + 5)
    assert sorted(picked) == list(range(len(doc.sentences)))


@pytest.mark.parametrize("name", sorted(EXPECTED_NAMES))
def test_tiny_and_odd_documents_do_not_crash(name: str) -> None:
    algo = get_algorithm(name)
    one = Document(
        title="T",
        sentences=("Only one sentence here.",),
        paragraph_of=(0,),
        words=(("Only", "one", "sentence", "here"),),
    )
    assert algo.select(one, 3) == [0]
    wordless = Document(title="", sentences=("!!!", "???"), paragraph_of=(0, 1), words=((), ()))
    assert sorted(algo.select(wordless, 2)) == [0, 1]
    empty = Document(title="T", sentences=(), paragraph_of=(), words=())
    assert algo.select(empty, 3) == []
    assert algo.select(one, 0) == []


def test_names_are_case_insensitive_and_unknown_names_list_choices() -> None:
    assert get_algorithm(" TextRank ").name == "textrank"
    with pytest.raises(UnknownAlgorithmError) as err:
        get_algorithm("gpt")
    message = str(err.value)
    assert "'gpt'" in message
    for name in EXPECTED_NAMES:
        assert name in message


def test_lead_takes_the_opening_sentences(doc: Document) -> None:
    assert get_algorithm("lead").select(doc, 3) == [0, 1, 2]


def test_lead_with_focus_adds_sentences_naming_the_company(doc: Document) -> None:
    picked = get_algorithm("lead").select(doc, 2, focus=("Bolt Trucks",))
    assert picked[0] == 0
    assert "Bolt Trucks" in doc.sentences[picked[1]]


@pytest.mark.parametrize("name", [n for n in SUMY_NAMES if n != "random"])
def test_sumy_wrapper_matches_sumy_on_the_same_document(doc: Document, name: str) -> None:
    """Our ranking cut to 3, in article order, is exactly what sumy itself returns."""
    wrapper = SumyAlgorithm(name)
    summarizer = wrapper._build(doc, ())
    sumy_result = summarizer(to_sumy_document(doc), 3)
    ours = sorted(wrapper.select(doc, 3))
    assert [doc.sentences[i] for i in ours] == [str(s) for s in sumy_result]


def test_sumy_document_has_our_paragraphs_and_the_title_as_heading(doc: Document) -> None:
    sumy_doc = to_sumy_document(doc)
    assert [str(h) for h in sumy_doc.headings] == [ARTICLE.title]
    assert [str(s) for s in sumy_doc.sentences] == list(doc.sentences)
    assert len(sumy_doc.paragraphs) == len(set(doc.paragraph_of))
    assert sumy_doc.sentences[0].words == doc.words[0]


def test_random_is_repeatable_per_article(doc: Document) -> None:
    algo = get_algorithm("random")
    assert algo.select(doc, 4) == algo.select(doc, 4)


def test_edmundson_works_with_a_stop_word_title_and_a_focus() -> None:
    article = Article(title="What it is", paragraphs=ARTICLE.paragraphs)
    doc = build_document(article)
    picked = get_algorithm("edmundson").select(doc, 2, focus=("Bolt Trucks",))
    assert len(set(picked)) == 2


def test_sumy_algorithm_rejects_a_non_sumy_name() -> None:
    with pytest.raises(ValueError, match="not a sumy algorithm"):
        SumyAlgorithm("lead")


GERMAN = Article(
    title="Xiaomi steigt in den Automarkt ein",
    paragraphs=(
        "Der chinesische Smartphone-Hersteller Xiaomi will Elektroautos bauen. Das berichtet "
        "die Nachrichtenagentur Reuters unter Berufung auf Insider.",
        "Die Fahrzeuge sollen in einem Werk von Great Wall Motor gebaut werden. Die Aktie "
        "von Xiaomi stieg am Nachmittag um neun Prozent.",
        "Xiaomi und Great Wall wollten sich nicht äußern. Analysten sehen gute Chancen.",
    ),
)
CHINESE = Article(
    title="小米进军电动汽车",
    paragraphs=(
        "小米公司宣布将生产电动汽车。该公司股价上涨了百分之九。",
        "分析师表示，小米在硬件制造方面的经验将有助于生产。长城汽车拒绝置评。",
    ),
)


@pytest.mark.parametrize("name", sorted(EXPECTED_NAMES))
@pytest.mark.parametrize("article", [GERMAN, CHINESE], ids=["german", "chinese"])
def test_non_english_documents_work_with_every_algorithm(name: str, article: Article) -> None:
    doc = build_document(article)
    assert doc.language in ("german", "chinese")
    picked = get_algorithm(name).select(doc, 2)
    assert len(set(picked)) == 2


@pytest.mark.parametrize("name", ["kl", "textrank"])
def test_sumy_ranks_only_the_opening_of_a_huge_document(name: str) -> None:
    from summarizer.algorithms.sumy_algorithms import MAX_KL_SENTENCES, MAX_SENTENCES

    n = MAX_SENTENCES + 50
    sentences = tuple(f"Sentence {i} reports that unit {i % 7} sold {i} trucks." for i in range(n))
    doc = Document(
        title="Trucks",
        sentences=sentences,
        paragraph_of=tuple(range(n)),
        words=tuple(tuple(s.rstrip(".").split()) for s in sentences),
    )
    limit = MAX_KL_SENTENCES if name == "kl" else MAX_SENTENCES
    picked = get_algorithm(name).select(doc, 3)
    assert len(set(picked)) == 3 and all(i < limit for i in picked)
