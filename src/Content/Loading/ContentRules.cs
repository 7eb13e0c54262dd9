namespace Leaflets.Content.Loading;

/// <summary>
/// Every rule the loader enforces, by its stable id (the <c>rule</c> in <c>path:line: rule: message</c>).
/// Ids never change once published: editors, docs and tests refer to them. All are errors except
/// <see cref="ItalicEmphasis"/>, <see cref="ImageUnused"/>, <see cref="TranslationOutdated"/> and <see cref="StringsMissing"/>, which are warnings.
/// </summary>
public static class ContentRules
{
    // Layout of the content tree.
    /// <summary>A file or folder that the layout does not allow (named in the message).</summary>
    public const string LayoutUnexpectedFile = "layout-unexpected-file";
    /// <summary>A leaflet folder name that is not a leaflet id (<see cref="Search.Slugs.IsLeafletId"/>).</summary>
    public const string LeafletIdInvalid = "leaflet-id-invalid";
    /// <summary>A leaflet folder without plain.md.</summary>
    public const string PlainMissing = "plain-missing";

    // Translations (plain.<lang>.md, easy-read.<lang>.md).
    /// <summary>A translation file name whose language tag is not shaped like a BCP 47 tag (<see cref="Model.LanguageTags.IsWellFormed"/>).</summary>
    public const string TranslationLanguageInvalid = "translation-language-invalid";
    /// <summary>A translation whose file name tag differs from its front matter <c>language</c>, or is the leaflet's main language.</summary>
    public const string TranslationLanguageMismatch = "translation-language-mismatch";
    /// <summary>A translation of a variant the leaflet lacks in its main language (easy-read.cy.md without easy-read.md).</summary>
    public const string TranslationWithoutMain = "translation-without-main";
    /// <summary>Warning: a translation whose <c>version</c> is older than its main-language file's.</summary>
    public const string TranslationOutdated = "translation-outdated";
    /// <summary>A <c>translationStatus</c> other than reviewed or unreviewed, or one in a main-language file.</summary>
    public const string TranslationStatusInvalid = "translation-status-invalid";
    /// <summary>
    /// Warning: a file whose <c>language</c> has no strings file, or one lacking keys (one warning per key): those words
    /// around the leaflet are shown in English, marked as English.
    /// </summary>
    public const string StringsMissing = "strings-missing";
    // A content root's strings files (strings/<tag>.json): a file breaking one of these is left out, its words unchanged.
    /// <summary>A strings file that is not JSON, not an object of words, or gives a word where a group goes (or the reverse).</summary>
    public const string StringsJsonInvalid = "strings-json-invalid";
    /// <summary>A key in a strings file that the service does not show (a typo must not pass silently).</summary>
    public const string StringsKeyUnknown = "strings-key-unknown";
    /// <summary>A word whose placeholders ({date}, {page}) are not exactly English's for the same key.</summary>
    public const string StringsPlaceholderInvalid = "strings-placeholder-invalid";
    /// <summary>A <c>months</c> that is not a list of twelve names.</summary>
    public const string StringsMonthsInvalid = "strings-months-invalid";
    /// <summary>A strings file not named by a language tag, named for the same language as another, or whose <c>language</c> is not its name's.</summary>
    public const string StringsLanguageInvalid = "strings-language-invalid";
    /// <summary>Text in a script the PDF renderer cannot shape yet (anything but Latin, Greek and Cyrillic letters).</summary>
    public const string ScriptNotPrintable = "script-not-printable";

    // The file as the source found it.
    /// <summary>A path that is not a regular file (a FIFO, device or socket): never opened.</summary>
    public const string FileNotRegular = "file-not-regular";
    /// <summary>A file larger than <see cref="ContentLimits"/> allows for its kind.</summary>
    public const string FileTooLarge = "file-too-large";
    /// <summary>Loading the leaflet failed in a way no other rule names (a fault of ours, contained to that leaflet).</summary>
    public const string LoadFailed = "load-failed";

    // The file as text.
    /// <summary>The file is empty.</summary>
    public const string FileEmpty = "file-empty";
    /// <summary>The file is not valid UTF-8 text (bad byte sequence or binary content).</summary>
    public const string FileNotText = "file-not-text";

    // Front matter.
    /// <summary>The file does not start with a <c>---</c> line.</summary>
    public const string FrontMatterMissing = "front-matter-missing";
    /// <summary>The front matter has no closing <c>---</c> line.</summary>
    public const string FrontMatterUnterminated = "front-matter-unterminated";
    /// <summary>The front matter is not valid YAML, or not a mapping of keys.</summary>
    public const string FrontMatterInvalid = "front-matter-invalid";
    /// <summary>A required key is absent (title, summary, language, lastReviewed, version; references in plain).</summary>
    public const string KeyMissing = "key-missing";
    /// <summary>A key the format does not define (a typo must not pass silently).</summary>
    public const string KeyUnknown = "key-unknown";
    /// <summary>A key given twice.</summary>
    public const string KeyDuplicate = "key-duplicate";
    /// <summary>A value of the wrong type or shape (empty text, non-integer version or year, list expected...).</summary>
    public const string ValueInvalid = "value-invalid";
    /// <summary>A date that is not an ISO yyyy-MM-dd calendar date.</summary>
    public const string DateInvalid = "date-invalid";
    /// <summary>A language that is not a BCP 47 tag such as en-GB.</summary>
    public const string LanguageInvalid = "language-invalid";
    /// <summary>A review date before <see cref="ContentLimits.MinReviewYear"/> or after <see cref="ContentLimits.MaxReviewYear"/>.</summary>
    public const string DateOutOfRange = "date-out-of-range";
    /// <summary>A title or summary longer than <see cref="ContentLimits"/> allows.</summary>
    public const string ValueTooLong = "value-too-long";
    /// <summary>nextReview falls before lastReviewed.</summary>
    public const string NextReviewBeforeLastReviewed = "next-review-before-last-reviewed";
    /// <summary>A clinical code entry without system or code.</summary>
    public const string CodeIncomplete = "code-incomplete";
    /// <summary>A reference without title, publisher or year.</summary>
    public const string ReferenceIncomplete = "reference-incomplete";
    /// <summary>A reference url that is not an absolute http(s) URL.</summary>
    public const string ReferenceUrlInvalid = "reference-url-invalid";
    /// <summary>
    /// A <c>synonyms</c> list with more than <see cref="ContentLimits.MaxSynonyms"/> entries, an entry longer than
    /// <see cref="ContentLimits.MaxSynonymLength"/> characters, or the same entry twice (ignoring case).
    /// </summary>
    public const string SynonymInvalid = "synonym-invalid";

    // Body blocks.
    /// <summary>Lists and callouts, or brackets, nested deeper than <see cref="ContentLimits.MaxNestingDepth"/>.</summary>
    public const string NestingTooDeep = "nesting-too-deep";
    /// <summary>The body has no content.</summary>
    public const string BodyEmpty = "body-empty";
    /// <summary>A <c>#</c> heading in the body (the title comes from the front matter).</summary>
    public const string HeadingLevelOne = "heading-level-one";
    /// <summary>A heading deeper than <c>###</c>.</summary>
    public const string HeadingTooDeep = "heading-too-deep";
    /// <summary>A heading that skips a level (<c>##</c> then <c>####</c>, or <c>###</c> before any <c>##</c>).</summary>
    public const string HeadingSkipsLevel = "heading-skips-level";
    /// <summary>An underlined (setext) heading; only <c>##</c> and <c>###</c> are allowed.</summary>
    public const string HeadingSetext = "heading-setext";
    /// <summary>A heading with no words.</summary>
    public const string HeadingEmpty = "heading-empty";
    /// <summary>A raw HTML block (comments included).</summary>
    public const string HtmlBlock = "html-block";
    /// <summary>Raw HTML inside text.</summary>
    public const string HtmlInline = "html-inline";
    /// <summary>A footnote reference or definition.</summary>
    public const string Footnote = "footnote";
    /// <summary>An indented or fenced code block.</summary>
    public const string CodeBlock = "code-block";
    /// <summary>Inline code (backticks).</summary>
    public const string CodeInline = "code-inline";
    /// <summary>A horizontal rule (thematic break).</summary>
    public const string HorizontalRule = "horizontal-rule";
    /// <summary>A bullet list marked with <c>*</c> or <c>+</c> instead of <c>-</c>.</summary>
    public const string ListMarker = "list-marker";
    /// <summary>A list nested more than one level deep.</summary>
    public const string ListTooDeep = "list-too-deep";
    /// <summary>A pipe table without a header row.</summary>
    public const string TableHeaderMissing = "table-header-missing";
    /// <summary>A block quote whose first word is not bold (callouts start with a bold label).</summary>
    public const string CalloutLabelMissing = "callout-label-missing";
    /// <summary>Any other Markdown construct the format does not allow.</summary>
    public const string UnsupportedMarkdown = "unsupported-markdown";

    // Inlines.
    /// <summary>Warning: italics are discouraged in large print; they are rendered as bold.</summary>
    public const string ItalicEmphasis = "italic-emphasis";
    /// <summary>A link URL that is not absolute http(s), mailto: or tel:.</summary>
    public const string LinkUrlInvalid = "link-url-invalid";
    /// <summary>Link text that does not make sense out of context ("click here", "read more", a bare URL...).</summary>
    public const string LinkTextVague = "link-text-vague";
    /// <summary>A link with no text.</summary>
    public const string LinkTextEmpty = "link-text-empty";

    // Images.
    /// <summary>An image inside text (figures stand alone in their paragraph).</summary>
    public const string ImageInline = "image-inline";
    /// <summary>An image path that is absolute, climbs with <c>..</c>, uses backslashes, is a URL or is outside images/.</summary>
    public const string ImagePathInvalid = "image-path-invalid";
    /// <summary>An image path naming a file that does not exist.</summary>
    public const string ImageMissing = "image-missing";
    /// <summary>An image that is not a PNG or JPEG by name, or whose bytes are not a valid PNG or JPEG (named in the message).</summary>
    public const string ImageFormat = "image-format";
    /// <summary>An image file whose name is not one the image route serves (<see cref="Search.Slugs.IsFileName"/>).</summary>
    public const string ImageNameInvalid = "image-name-invalid";
    /// <summary>An image declaring more pixels than <see cref="ContentLimits"/> allows (read from its header, before any decoding).</summary>
    public const string ImageTooLarge = "image-too-large";
    /// <summary>Warning: an image in images/ that no variant uses.</summary>
    public const string ImageUnused = "image-unused";

    /// <summary>Every rule id above, for documentation and tests.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        LayoutUnexpectedFile, LeafletIdInvalid, PlainMissing, TranslationLanguageInvalid, TranslationLanguageMismatch,
        TranslationWithoutMain, TranslationOutdated, TranslationStatusInvalid, StringsMissing,
        StringsJsonInvalid, StringsKeyUnknown, StringsPlaceholderInvalid, StringsMonthsInvalid, StringsLanguageInvalid, ScriptNotPrintable, FileNotRegular, FileTooLarge, LoadFailed, FileEmpty, FileNotText,
        FrontMatterMissing, FrontMatterUnterminated, FrontMatterInvalid, KeyMissing, KeyUnknown, KeyDuplicate,
        ValueInvalid, DateInvalid, DateOutOfRange, ValueTooLong, LanguageInvalid, NextReviewBeforeLastReviewed, CodeIncomplete,
        ReferenceIncomplete, ReferenceUrlInvalid, SynonymInvalid, NestingTooDeep, BodyEmpty, HeadingLevelOne, HeadingTooDeep, HeadingSkipsLevel,
        HeadingSetext, HeadingEmpty, HtmlBlock, HtmlInline, Footnote, CodeBlock, CodeInline, HorizontalRule,
        ListMarker, ListTooDeep, TableHeaderMissing, CalloutLabelMissing, UnsupportedMarkdown, ItalicEmphasis,
        LinkUrlInvalid, LinkTextVague, LinkTextEmpty, ImageInline, ImagePathInvalid, ImageMissing, ImageFormat,
        ImageNameInvalid, ImageTooLarge, ImageUnused,
    ];

    public static ProblemSeverity SeverityOf(string rule) =>
        rule is ItalicEmphasis or ImageUnused or TranslationOutdated or StringsMissing ? ProblemSeverity.Warning : ProblemSeverity.Error;
}
