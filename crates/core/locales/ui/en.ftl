# The languages and the texts every page shares (the language switcher's names, text size and
# contrast). The first file of each language: a language is shipped when it has this file.
@name = English
@aliases = en-US en-GB
@speech = en

display-controls = Text size and contrast
text-size-0 = Standard text
text-size-1 = Larger text
text-size-2 = Largest text
high-contrast = High contrast
