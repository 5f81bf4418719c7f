"""The cleaned article every part of newsbot works on."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: a title and body paragraphs, boilerplate removed.

    ``paragraphs`` never contains the title. Everything downstream (summaries,
    company mentions, storage) sees only this cleaned text.
    """

    title: str
    paragraphs: tuple[str, ...]
    url: str | None = None
    source: str | None = None
    published: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def body(self) -> str:
        """The cleaned body: paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)

    @classmethod
    def from_body(
        cls,
        title: str,
        body: str,
        *,
        url: str | None = None,
        source: str | None = None,
        published: str | None = None,
    ) -> Article:
        """The article back from a stored ``title`` and ``body`` (the inverse of ``body``).

        A title that ``clean_text`` made from the opening words of untitled text is
        marked as such again (storage keeps no mark): its opening sentence is no repeat
        of a headline."""
        # Imported here: summarizer.text.clean builds Articles, so it imports this module.
        from summarizer.text.clean import DERIVED_TITLE, is_derived_title

        paragraphs = tuple(p for p in body.split("\n\n") if p.strip())
        extra = {DERIVED_TITLE: "1"} if is_derived_title(title, paragraphs) else {}
        return cls(title, paragraphs, url=url, source=source, published=published, extra=extra)

    def head(self, limit: int) -> tuple[Article, bool]:
        """The article's first ``limit`` characters (whole paragraphs, then a sentence
        end), and whether anything was cut: a huge text is summarised from its start."""
        kept: list[str] = []
        room = limit
        for paragraph in self.paragraphs:
            if len(paragraph) > room:
                head = paragraph[:room]
                end = max(head.rfind(". "), head.rfind("! "), head.rfind("? "))
                head = head[: end + 1] if end > 0 else head
                if head.strip():
                    kept.append(head)
                return replace(self, paragraphs=tuple(kept)), True
            kept.append(paragraph)
            room -= len(paragraph) + 2
        return self, False
