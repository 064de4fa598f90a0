"""Reading printed documents in tests: the words, whatever the line breaks."""


def flat(printed: str) -> str:
    """``printed`` with every run of whitespace (line breaks and wrapping indents included) as
    one space, so a sentence is found wherever the page width broke it.

    >>> flat("Có 2 người cùng được\\n    6 phiếu")
    'Có 2 người cùng được 6 phiếu'
    """
    return " ".join(printed.split())
