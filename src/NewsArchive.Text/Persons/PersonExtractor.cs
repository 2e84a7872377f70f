using System.Collections.Frozen;
using NewsArchive.Text.Normalization;
using NewsArchive.Text.Seeds;

namespace NewsArchive.Text.Persons;

/// <summary>
/// Finds the persons an article names. A name is recognised by what stands before it (a title or
/// role: <c>وزير الدفاع الأميركي</c>, <c>اللواء</c>), by its own structure (a known given name,
/// <c>بن</c>/<c>آل</c>/<c>أبو</c> chains, a family name), or by the file's subject line; later bare
/// surnames (<c>أوستن</c>, <c>وبيلوسوف</c>) count as mentions of the full name.
/// Places, organisations, agencies and nationalities are rejected by a stop lexicon and by
/// structure (a name after <c>جامعة</c>/<c>شارع</c>/<c>مطار</c> names a place, not a person).
/// </summary>
public static class PersonExtractor
{
    private const int MaxRoleWords = 9;
    private const int MaxNameParts = 4;

    /// <summary>Extracts the persons of a parsed seed article (subject line included).</summary>
    public static IReadOnlyList<ExtractedPerson> Extract(ParsedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var paragraphs = new List<string>(article.Paragraphs.Count + 1);
        if (article.Caption is not null)
        {
            paragraphs.Add(article.Caption);
        }

        paragraphs.AddRange(article.Paragraphs);
        return Extract(paragraphs, article.Subject);
    }

    /// <summary>
    /// Extracts the persons named in <paramref name="paragraphs"/>; <paramref name="subject"/>, when
    /// given, is a name the file says the article is about. Never throws.
    /// </summary>
    public static IReadOnlyList<ExtractedPerson> Extract(IEnumerable<string?> paragraphs, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var sentences = new List<SentenceWords>();
        foreach (var paragraph in paragraphs)
        {
            if (string.IsNullOrWhiteSpace(paragraph))
            {
                continue;
            }

            foreach (var (start, length) in TextSpans.Sentences(paragraph))
            {
                sentences.Add(new SentenceWords(paragraph, start, length, TextSpans.Words(paragraph, start, length)));
            }
        }

        var mentions = new List<Mention>();
        for (var s = 0; s < sentences.Count; s++)
        {
            FindMentions(sentences[s], s, mentions);
        }

        var subjectName = subject is null ? null : CleanSubject(subject);
        return Build(sentences, mentions, subjectName);
    }

    /// <summary>
    /// True when a short line (a file's line 2) reads as a person's name rather than a headline:
    /// at most five words, no sentence punctuation, every word name-like, and either a known given
    /// name first or the line repeated in <paramref name="body"/>.
    /// </summary>
    public static bool LooksLikeName(string? line, string? body = null) => LooksLikeName(line, body is null ? [] : [body]);

    /// <summary>
    /// <see cref="LooksLikeName(string?, string?)"/> with the body as its paragraphs: a one-line name cannot
    /// span the line breaks that join them, and the parser asks before it joins them (most lines fail first).
    /// </summary>
    internal static bool LooksLikeName(string? line, IReadOnlyList<string> paragraphs)
    {
        if (string.IsNullOrWhiteSpace(line) || line.Length > 60)
        {
            return false;
        }

        foreach (var c in line)
        {
            if (!(char.IsLetter(c) || c == ' ' || c == '-' || IsArabicMark(c)))
            {
                return false;
            }
        }

        var words = TextSpans.Words(line);
        if (words.Count is < 1 or > 5)
        {
            return false;
        }

        var parts = 0;
        foreach (var w in words)
        {
            if (!w.IsArabic || NameLexicon.FunctionWords.Contains(w.Norm) || NameLexicon.NonPersons.Contains(w.Norm)
                || NameLexicon.RoleHeads.Contains(w.Norm) || NameLexicon.NamedPlaceHeads.Contains(w.Norm)
                || NameLexicon.RoleContinuations.Contains(w.Norm) || NameLexicon.QuotingVerbs.Contains(w.Norm)
                || NameLexicon.IsNationalityAdjective(w.Norm))
            {
                return false;
            }

            if (!NameLexicon.NameConnectors.Contains(w.Norm))
            {
                parts++;
            }
        }

        var first = words[0].Norm;
        var knownFirst = IsGivenName(first) || first is "عبد";
        var name = ArabicNormalizer.Normalize(line.Trim());
        return (parts >= 2 && knownFirst)
            || paragraphs.Any(p => ArabicNormalizer.Normalize(p).Contains(name, StringComparison.Ordinal))
            || (parts == 1 && knownFirst && !NameLexicon.WeakGivenNames.Contains(first));
    }

    private static bool IsArabicMark(char c) => c is (>= '\u064B' and <= '\u065F') or '\u0670' or '\u0640';

    private static string CleanSubject(string subject) => string.Join(' ', TextSpans.Words(subject).Select(w => w.Original));

    /// <summary>A sentence of <paramref name="Paragraph"/> and its words (their offsets are into the paragraph).</summary>
    private sealed record SentenceWords(string Paragraph, int Start, int Length, List<Word> Words)
    {
        // Only the first sentence of each person found is kept as evidence: cut it then, not for every sentence.
        public string Text => Paragraph.Substring(Start, Length);
    }

    private sealed record Mention(int Sentence, int StartWord, int EndWord, string Name, string Key, string? Role, bool Tentative = false);

    private static void FindMentions(SentenceWords sentence, int index, List<Mention> mentions)
    {
        var words = sentence.Words;
        var i = 0;
        while (i < words.Count)
        {
            var w = words[i];
            var conjunction = ConjunctionBefore(w.Norm, NameLexicon.RoleHeads);
            if (conjunction >= 0 && !IsGivenName(w.Norm))
            {
                var roleEnd = RoleEnd(words, i);
                var nameEnd = ParseName(words, roleEnd, afterRole: true, out var name);
                if (nameEnd > roleEnd && !AfterPlaceHead(words, i))
                {
                    var role = RoleText(sentence.Paragraph, words, i, roleEnd, conjunction);
                    // A single word after a title (الرئيس بوتين، الأمير فيصل) counts only when it is the
                    // short form of a full name in the same article; a foreign given name stands alone (ديمتري).
                    var single = !Key(name).Contains(' ', StringComparison.Ordinal) && !NameLexicon.ForeignGivenNames.Contains(words[roleEnd].Norm);
                    mentions.Add(new Mention(index, roleEnd, nameEnd, name, Key(name), role, single));
                    i = nameEnd;
                    continue;
                }

                i = nameEnd > roleEnd ? nameEnd : i + 1;
                continue;
            }

            if (StartsName(w.Norm) && !IsPreposition(w))
            {
                // «أكد علي أهمية»: papers often write the preposition على with ي, and quoting verbs take it.
                var afterQuote = i > 0 && !w.BreakBefore && w.Norm is not "علي" && ConjunctionBefore(words[i - 1].Norm, NameLexicon.QuotingVerbs) >= 0;
                var end = ParseName(words, i, afterRole: afterQuote, out var name);
                var parts = end - i;
                var strongSingle = parts == 1 && afterQuote && !NameLexicon.WeakGivenNames.Contains(w.Norm);
                // A given name that is also a word (منصور، حسن، أمين) needs a title, a quoting verb, or another given name after it.
                var weakPair = NameLexicon.WeakGivenNames.Contains(w.Norm) && (!afterQuote || NameLexicon.RoleHeads.Contains(w.Norm)) && end > i + 1
                    && !IsGivenName(words[i + 1].Norm) && !NameLexicon.NameConnectors.Contains(words[i + 1].Norm);
                if (end > i && (parts >= 2 || strongSingle) && !weakPair && !AfterPlaceHead(words, i))
                {
                    mentions.Add(new Mention(index, i, end, name, Key(name), null, !Key(name).Contains(' ', StringComparison.Ordinal)));
                    i = end;
                    continue;
                }
            }

            i++;
        }
    }

    // «على» folds to «علي» in the search form; written with alef maqsura it is the preposition, never the name.
    private static bool IsPreposition(Word w) => w.Norm is "علي" && w.Original.TrimEnd('\u064B', '\u064E', '\u0650', '\u0652').EndsWith('ى');

    private static bool StartsName(ReadOnlySpan<char> norm) =>
        IsGivenName(norm) || norm is "عبد" or "ابو" || (norm.Length > 3 && norm[0] == 'و' && IsGivenName(norm[1..]));

    private static bool IsGivenName(ReadOnlySpan<char> norm) =>
        NameLexicon.AnyGivenNames.Contains(norm) || (norm.StartsWith("عبد", StringComparison.Ordinal) && norm.Length > 5 && NameLexicon.CompoundSecondParts.Contains(norm[3..]));

    // A person's name right after جامعة، شارع، مطار… names the institution or place, not the person.
    private static bool AfterPlaceHead(List<Word> words, int start)
    {
        for (var k = start - 1; k >= 0 && k >= start - 3; k--)
        {
            if (NameLexicon.NamedPlaceHeads.Contains(words[k].Norm))
            {
                return true;
            }

            if (words[k + 1].BreakBefore || !(NameLexicon.RoleHeads.Contains(words[k].Norm) || NameLexicon.RoleContinuations.Contains(words[k].Norm)))
            {
                return false;
            }
        }

        return false;
    }

    private static int RoleEnd(List<Word> words, int start)
    {
        var j = start + 1;
        while (j < words.Count && j - start <= MaxRoleWords && !words[j].BreakBefore)
        {
            var n = words[j].Norm;
            if (n is "في" && j + 1 < words.Count && !words[j + 1].BreakBefore && words[j + 1].IsArabic
                && (words[j + 1].Norm.StartsWith("ال", StringComparison.Ordinal) || NameLexicon.NonPersons.Contains(words[j + 1].Norm)))
            {
                j += 2;
                continue;
            }

            // «الرئيس التنفيذي للشركة أمين الناصر»: a title that is also a given name, before a family name, starts the name.
            if (IsGivenName(n) && j + 1 < words.Count && !words[j + 1].BreakBefore && IsFamilyName(words[j + 1].Norm)
                && words[j + 1].Norm.StartsWith("ال", StringComparison.Ordinal))
            {
                break;
            }

            if (IsRoleWord(n))
            {
                j++;
                // «لحركة حماس»، «حزب الله»: the organisation after its head noun belongs to the role.
                if (OrganisationHeads.Contains(n.Length > 3 && n[0] is 'ل' or 'ب' ? n[1..] : n) && j < words.Count && !words[j].BreakBefore
                    && words[j].IsArabic && !IsGivenName(words[j].Norm))
                {
                    j++;
                }

                continue;
            }

            break;
        }

        // «المتحدث باسم البنتاغون، اللواء باتريك رايدر»: a second title after a comma continues the role.
        if (j < words.Count && words[j].CommaBefore && NameLexicon.RoleHeads.Contains(words[j].Norm))
        {
            return RoleEnd(words, j);
        }

        return j;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganisationHeads = FrozenSet.ToFrozenSet(
        ["حركه", "حزب", "نادي", "شركه", "جمعيه", "مجموعه", "منظمه", "تنظيم", "جماعه", "جبهه", "صحيفه", "قناه", "وكاله", "بنك", "مصرف", "فريق"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsRoleWord(ReadOnlySpan<char> n)
    {
        if (NameLexicon.RoleHeads.Contains(n) || NameLexicon.RoleContinuations.Contains(n) || n is "عام")
        {
            return true;
        }

        if (IsGivenName(n) || NameLexicon.FunctionWords.Contains(n))
        {
            return false;
        }

        if (n.Length > 3 && (n.StartsWith("ال", StringComparison.Ordinal) || n.StartsWith("لل", StringComparison.Ordinal)))
        {
            return true;
        }

        // لوزارة، بوزارة، والدفاع: a prefixed role word.
        return n.Length > 3 && n[0] is 'ل' or 'ب' or 'و' && (NameLexicon.RoleContinuations.Contains(n[1..]) || n[1..].StartsWith("ال", StringComparison.Ordinal));
    }

    private static string RoleText(string text, List<Word> words, int start, int end, int conjunction)
    {
        var first = words[start];
        var from = first.Start + (conjunction > 0 ? PrefixLength(first.Original, conjunction) : 0);
        var to = words[end - 1].End;
        return text[from..to].Trim(' ', '،', ',', '\u00A0');
    }

    // How many characters of the original word the first n letters take (diacritics sit between letters).
    private static int PrefixLength(string original, int letters)
    {
        var k = 0;
        var seen = 0;
        while (k < original.Length && seen < letters)
        {
            if (ArabicNormalizer.Fold(original[k]) != '\0')
            {
                seen++;
            }

            k++;
        }

        return k;
    }

    /// <summary>Parses a name starting at word <paramref name="start"/>; returns the index after it (== start when there is none).</summary>
    private static int ParseName(List<Word> words, int start, bool afterRole, out string name)
    {
        name = string.Empty;
        if (start >= words.Count)
        {
            return start;
        }

        var first = words[start];
        var firstNorm = first.Norm;
        if (IsPreposition(first))
        {
            return start;
        }

        var prefix = 0;
        if (!IsGivenName(firstNorm) && firstNorm.Length > 3 && firstNorm[0] == 'و' && IsGivenName(firstNorm[1..]) && !afterRole)
        {
            firstNorm = firstNorm[1..];
            prefix = 1;
        }

        var kind = NameKind.Unknown;
        if (NameLexicon.ForeignGivenNames.Contains(firstNorm))
        {
            kind = NameKind.Foreign;
        }
        else if (IsGivenName(firstNorm) || firstNorm is "عبد" || NameLexicon.NameConnectors.Contains(firstNorm))
        {
            kind = NameKind.Arabic;
        }
        else if (afterRole && start > 0 && NameLexicon.Honorifics.Contains(words[start - 1].Norm) && LooksLikeUnknownName(first))
        {
            // «الدكتور بدران العمر»: after a personal honorific an unknown first name is Arabic, family name and all.
            kind = NameKind.Arabic;
        }
        else if (!afterRole || !LooksLikeUnknownName(first, firstWord: true))
        {
            return start;
        }

        // A given name that is also a title or a word (أمين، صباح) is still a name once something marked it as one.
        var firstIsPart = IsGivenName(firstNorm) ? !NameLexicon.NonPersons.Contains(firstNorm) : IsNamePart(firstNorm);
        if (firstNorm is "بن" or "ابن" or "بنت" or "ال" or "ولد" || !firstIsPart)
        {
            return start;
        }

        var j = start + 1;
        var parts = 1;
        if (firstNorm is "عبد" or "ابو" or "آل" or "ال")
        {
            if (j < words.Count && !words[j].BreakBefore && IsNamePart(words[j].Norm))
            {
                j++;
            }
            else
            {
                return start;
            }
        }

        var lastWasGiven = kind != NameKind.Unknown;
        var lastWasFamily = false;
        while (j < words.Count && !words[j].BreakBefore && parts < MaxNameParts + 2)
        {
            var n = words[j].Norm;
            if (NameLexicon.CompoundSecondParts.Contains(n) && j > start && words[j - 1].Norm is "عبد" or "سراج" or "نور" or "صلاح" or "عز" or "بهاء" or "علاء" or "سيف" or "جمال" or "محيي" or "شمس" or "فخر" or "تاج" or "زين" or "نصر" or "حسام" or "ضياء" or "عماد" or "شرف" or "بدر")
            {
                j++;
                continue;
            }

            if (NameLexicon.NameConnectors.Contains(n) && kind != NameKind.Foreign)
            {
                var k = j + 1;
                if (n is "عبد" && k < words.Count && NameLexicon.CompoundSecondParts.Contains(words[k].Norm))
                {
                    k++;
                }

                if (k < words.Count && !words[k].BreakBefore && IsNamePart(words[k].Norm))
                {
                    kind = NameKind.Arabic;
                    j = k + 1;
                    parts++;
                    lastWasGiven = true;
                    if (n is "ال")
                    {
                        // «آل سعود» closes the name.
                        break;
                    }

                    continue;
                }

                break;
            }

            if (!lastWasGiven || parts >= MaxNameParts || !IsNamePart(n))
            {
                break;
            }

            var definite = n.StartsWith("ال", StringComparison.Ordinal);
            if (definite && Ordinals.Contains(n) && parts == 1)
            {
                // Regnal numbers: إليزابيث الثانية، عبدالله الثاني.
                j++;
                break;
            }

            if (definite && (kind != NameKind.Arabic || !IsFamilyName(n)
                || (lastWasFamily && (n.Length > 6 || n.EndsWith("ين", StringComparison.Ordinal)))))
            {
                break;
            }

            if (!definite && !LooksLikeUnknownName(words[j]) && !IsGivenName(n))
            {
                break;
            }

            // After a family name only another family name follows (الأحمد الجابر الصباح); a third plain word is
            // usually the sentence going on: «نايف البكري محافظا»، «ليونيل ميسي فريقه».
            if (!definite && !IsGivenName(n) && (lastWasFamily || (parts >= 2 && (n.EndsWith('ا') || n.EndsWith('ه')))))
            {
                break;
            }

            lastWasFamily = definite;

            parts++;
            j++;
            // A short middle part (دبليو، جين، طيب، جواد) leaves room for a third: جورج دبليو بوش، محمد جواد ظريف.
            // Gulf names chain family names: صباح الأحمد الجابر الصباح.
            lastWasGiven = (IsGivenName(n) && !definite) || (parts == 2 && !definite && n.Length <= 4) || (definite && kind == NameKind.Arabic);
        }

        var text = string.Join(' ', words.Skip(start).Take(j - start).Select(w => w.Original));
        if (NameLexicon.NonPersonNames.Contains(ArabicNormalizer.Normalize(text)))
        {
            return start;
        }

        name = prefix > 0 ? text[PrefixLength(text, prefix)..] : text;
        return j;
    }

    private enum NameKind
    {
        Unknown,
        Arabic,
        Foreign,
    }

    private static readonly FrozenSet<string> Ordinals = FrozenSet.ToFrozenSet(
        ["الاول", "الثاني", "الثانيه", "الثالث", "الثالثه", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"],
        StringComparer.Ordinal);

    private static bool IsNamePart(ReadOnlySpan<char> n) =>
        n.Length >= 2 && n[0] >= '\u0621' && n[0] <= '\u064A'
        && !NameLexicon.FunctionWords.Contains(n) && !NameLexicon.NonPersons.Contains(n)
        && !NameLexicon.RoleHeads.Contains(n) && !NameLexicon.QuotingVerbs.Contains(n)
        && !NameLexicon.NamedPlaceHeads.Contains(n) && (!NameLexicon.IsNationalityAdjective(n) || (n[0] != 'ا' && IsGivenName(n)))
        && !HasArticlePrefix(n)
        && !(n.Length > 3 && n[0] is 'و' or 'ف' && (NameLexicon.RoleHeads.Contains(n[1..]) || NameLexicon.FunctionWords.Contains(n[1..]) || NameLexicon.QuotingVerbs.Contains(n[1..])));

    // بالوفد، للشركة، والدفاع: a preposition or conjunction glued to the article never starts a name part.
    // بتسليم، لتحذيرها: a preposition glued to a verbal noun.
    private static bool HasArticlePrefix(ReadOnlySpan<char> n) =>
        (n.Length > 4 && n[0] is 'ب' or 'ل' or 'و' or 'ف' or 'ك' && n[1] == 'ا' && n[2] == 'ل')
        || n.StartsWith("لل", StringComparison.Ordinal)
        || (n.Length > 4 && n[0] is 'ب' or 'ل' && n[1] == 'ت');

    private static bool IsFamilyName(ReadOnlySpan<char> n) =>
        n.Length >= 4 && !NameLexicon.RoleContinuations.Contains(n) && !NameLexicon.FunctionWords.Contains(n)
        && !NameLexicon.NonPersons.Contains(n) && !NameLexicon.IsNationalityAdjective(n)
        && !n.EndsWith("ات", StringComparison.Ordinal) && !n.EndsWith("ه", StringComparison.Ordinal) && !n.EndsWith("ون", StringComparison.Ordinal)
        && !CommonDefiniteWords.Contains(n);

    // Definite words that follow names often enough to be mistaken for family names.
    private static readonly FrozenSet<string> CommonDefiniteWords = FrozenSet.ToFrozenSet(
        "الآن الان اليوم الماضي المقبل الجاري الحالي الجديد السابق الاسبق الأول الاول الثاني الثالث الاخير الأخير العام الخاص الكبير الصغير الوطني الدولي الرسمي الرسميه الاعلى الأعلى التنفيذي المساعد المكلف الفني الاداري السعودي الذي التي الذين بالنيابه".Split(' ').Select(ArabicNormalizer.Normalize),
        StringComparer.Ordinal);

    // Imperfect and future verb shapes (يزور، يناهز، تقول، تسيطر، يستعرض، سيزور) that follow a name in running text.
    private static bool LooksLikeVerb(ReadOnlySpan<char> n) =>
        (n[0] == 'ي' && n.Length <= 5)
        || (n[0] is 'ت' or 'ن' && n.Length <= 4)
        || (n.Length <= 5 && (n.StartsWith("تس", StringComparison.Ordinal) || n.StartsWith("تت", StringComparison.Ordinal) || n.StartsWith("يت", StringComparison.Ordinal)))
        || n.StartsWith("يست", StringComparison.Ordinal) || n.StartsWith("تست", StringComparison.Ordinal) || n.StartsWith("نست", StringComparison.Ordinal)
        || n.StartsWith("سي", StringComparison.Ordinal) || n.StartsWith("ست", StringComparison.Ordinal) || n.StartsWith("سن", StringComparison.Ordinal);

    private static bool LooksLikeUnknownName(Word w, bool firstWord = false)
    {
        var n = w.Norm;
        if (!w.IsArabic || n.Length < (firstWord ? 4 : 3) || !IsNamePart(n) || n.StartsWith("ال", StringComparison.Ordinal)
            || NameLexicon.RoleContinuations.Contains(n) || (n[0] == 'و' && n[1] != 'و'))
        {
            return false;
        }

        // Verb and pronoun shapes: يزور، تقول، يستعرض، سيزور، قالت، ذهبوا، حكومتها, and tanwin-marked nouns (اتصالًا).
        if (LooksLikeVerb(n) || (firstWord && n[0] is 'و' or 'ل' or 'ب' or 'ف' or 'ك'))
        {
            return false;
        }

        if (n.EndsWith('ت') || n.EndsWith("وا", StringComparison.Ordinal) || n.EndsWith("ها", StringComparison.Ordinal)
            || n.EndsWith("هم", StringComparison.Ordinal) || n.EndsWith("كم", StringComparison.Ordinal) || n.EndsWith("نا", StringComparison.Ordinal)
            || n.EndsWith("ات", StringComparison.Ordinal) || (firstWord && n.EndsWith('ه')))
        {
            return false;
        }

        return !w.Original.Contains('\u064B') && !w.Original.Contains('\u064C') && !w.Original.Contains('\u064D');
    }

    // How many letters of a glued conjunction (و ف) stand before a word of the set: 0 or 1; -1 when it is not one.
    private static int ConjunctionBefore(ReadOnlySpan<char> norm, FrozenSet<string> set)
    {
        if (set.Contains(norm))
        {
            return 0;
        }

        if (norm.Length > 3 && norm[0] is 'و' or 'ف' && set.Contains(norm[1..]))
        {
            return 1;
        }

        return -1;
    }

    private static string Key(string name) => NormalizeKey(string.Join(' ', TextSpans.Words(name).Select(w => w.Norm.ToString())));

    private sealed class PersonBuilder(string name, string key, int firstSentence)
    {
        public string Name { get; set; } = name;

        public string Key
        {
            get;
            set
            {
                field = value;
                Tokens = value.Split(' ');
            }
        } = key;
        public int FirstSentence { get; set; } = firstSentence;
        public int Mentions { get; set; }
        public bool IsSubject { get; set; }
        public List<string> Aliases { get; } = [];
        public List<string> Roles { get; } = [];

        /// <summary>Where the person is named (sentence, word), so a bare surname goes to the most recent bearer.</summary>
        public List<(int Sentence, int Word)> Positions { get; } = [];
        /// <summary>The words of <see cref="Key"/>, split once: every mention and surname is compared with them.</summary>
        public string[] Tokens { get; private set; } = key.Split(' ');
    }

    private static IReadOnlyList<ExtractedPerson> Build(List<SentenceWords> sentences, List<Mention> mentions, string? subject)
    {
        var persons = new List<PersonBuilder>();
        var covered = new HashSet<(int Sentence, int Word)>();

        // Longest names first, so a shorter form (بوتين after «الرئيس بوتين») joins the full name.
        foreach (var m in mentions.OrderBy(m => m.Tentative).ThenByDescending(m => m.Key.Count(c => c == ' ')).ThenBy(m => m.Sentence))
        {
            var key = NormalizeKey(m.Key);
            var parts = key.Split(' ');
            var person = persons.FirstOrDefault(p => p.Key == key) ?? Nearest(persons.Where(p => IsShortFormOf(parts, p.Tokens)), m.Sentence);
            if (person is null && m.Tentative)
            {
                continue;
            }

            if (person is null)
            {
                person = new PersonBuilder(m.Name, key, m.Sentence);
                persons.Add(person);
            }
            else if (!string.Equals(NormalizeKey(m.Key), person.Key, StringComparison.Ordinal))
            {
                AddDistinct(person.Aliases, m.Name);
            }

            person.Mentions++;
            person.FirstSentence = Math.Min(person.FirstSentence, m.Sentence);
            // «المتحدث باسم البنتاغون، اللواء»: two titles, two roles.
            foreach (var role in (m.Role ?? string.Empty).Split('،', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                AddDistinct(person.Roles, role);
            }

            person.Positions.Add((m.Sentence, m.StartWord));
            for (var w = m.StartWord; w < m.EndWord; w++)
            {
                covered.Add((m.Sentence, w));
            }
        }

        if (subject is not null)
        {
            var key = NormalizeKey(ArabicNormalizer.Normalize(subject));
            var parts = key.Split(' ');
            var person = persons.FirstOrDefault(p => p.Key == key) ?? persons.FirstOrDefault(p => IsShortFormOf(parts, p.Tokens));
            if (person is null)
            {
                person = new PersonBuilder(subject, key, int.MaxValue);
                persons.Add(person);
            }
            else if (key.Length > person.Key.Length)
            {
                AddDistinct(person.Aliases, person.Name);
                person.Name = subject;
                person.Key = key;
            }

            person.IsSubject = true;
        }

        CountSurnames(sentences, persons, covered);

        return persons
            .Where(p => p.Mentions > 0 || p.IsSubject)
            .OrderBy(p => p.FirstSentence)
            .Select(p => new ExtractedPerson(
                p.Name,
                p.Aliases.Where(a => !string.Equals(NormalizeKey(ArabicNormalizer.Normalize(a)), p.Key, StringComparison.Ordinal)).ToList(),
                p.Roles,
                Math.Max(p.Mentions, p.IsSubject ? 1 : 0),
                p.FirstSentence < sentences.Count ? sentences[p.FirstSentence].Text : p.Name,
                p.IsSubject))
            .ToList();
    }

    private static PersonBuilder? Nearest(IEnumerable<PersonBuilder> candidates, int sentence) =>
        candidates.OrderBy(p => p.FirstSentence <= sentence ? 0 : 1).ThenByDescending(p => p.FirstSentence <= sentence ? p.FirstSentence : -p.FirstSentence).FirstOrDefault();

    // Keys drop a leading conjunction glued to the first word and fold the عبد الله / عبدالله spacing.
    private static string NormalizeKey(string key) => key.Replace("عبد ", "عبد", StringComparison.Ordinal);

    private static bool IsShortFormOf(string[] parts, string[] tokens)
    {
        if (tokens.Length < 2)
        {
            return false;
        }

        if (parts.Length >= tokens.Length)
        {
            return false;
        }

        // The same trailing words (أوستن of لويد أوستن) or the same leading words (ديمتري of ديمتري بيسكوف).
        return tokens.AsSpan(tokens.Length - parts.Length).SequenceEqual(parts)
            || (parts.Length == 1 && tokens[0] == parts[0] && IsGivenName(parts[0]));
    }

    /// <summary>Counts bare surnames (<c>أوستن</c>, <c>وبيلوسوف</c>) as mentions of the full name seen in the article.</summary>
    private static void CountSurnames(List<SentenceWords> sentences, List<PersonBuilder> persons, HashSet<(int, int)> covered)
    {
        var bySurname = new Dictionary<string, List<PersonBuilder>>(StringComparer.Ordinal);
        foreach (var p in persons)
        {
            var tokens = p.Tokens;
            if (tokens.Length < 2 || tokens.Any(t => t is "بن" or "ابن" or "بنت" or "آل" or "ال"))
            {
                continue;
            }

            var surname = tokens[^1];
            if (surname.Length < 3 || IsGivenName(surname) || NameLexicon.FunctionWords.Contains(surname))
            {
                continue;
            }

            if (!bySurname.TryGetValue(surname, out var list))
            {
                bySurname[surname] = list = [];
            }

            list.Add(p);
        }

        if (bySurname.Count == 0)
        {
            return;
        }

        var surnames = bySurname.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var words = sentences[s].Words;
            for (var w = 0; w < words.Count; w++)
            {
                if (covered.Contains((s, w)) || !words[w].IsArabic)
                {
                    continue;
                }

                var (surname, prefix) = MatchSurname(words[w].Norm, surnames);
                if (surname is null)
                {
                    continue;
                }

                var candidates = bySurname[surname];
                // Two persons sharing a surname: the bare surname means the one named most recently.
                var person = candidates.Count == 1 ? candidates[0] : MostRecent(candidates, (s, w));
                person.Mentions++;
                person.FirstSentence = Math.Min(person.FirstSentence, s);
                AddDistinct(person.Aliases, words[w].Original[PrefixLength(words[w].Original, prefix)..]);
            }
        }
    }

    private static PersonBuilder MostRecent(List<PersonBuilder> candidates, (int Sentence, int Word) at)
    {
        PersonBuilder? best = null;
        var bestAt = (Sentence: -1, Word: -1);
        foreach (var p in candidates)
        {
            foreach (var pos in p.Positions)
            {
                if ((pos.Sentence < at.Sentence || (pos.Sentence == at.Sentence && pos.Word < at.Word))
                    && (pos.Sentence > bestAt.Sentence || (pos.Sentence == bestAt.Sentence && pos.Word > bestAt.Word)))
                {
                    best = p;
                    bestAt = pos;
                }
            }
        }

        return best ?? candidates[0];
    }

    private static (string? Surname, int Prefix) MatchSurname(ReadOnlySpan<char> norm, Dictionary<string, List<PersonBuilder>>.AlternateLookup<ReadOnlySpan<char>> bySurname)
    {
        if (bySurname.TryGetValue(norm, out var whole, out _))
        {
            return (whole, 0);
        }

        // و، ف، ب، ل، ك and their pairs (وب، ول، فل…) glue to the word before a name.
        for (var p = 1; p <= 2 && p < norm.Length - 2; p++)
        {
            if (norm[p - 1] is not ('و' or 'ف' or 'ب' or 'ل' or 'ك'))
            {
                break;
            }

            // Most words start with one of these letters: test the rest without cutting a string.
            if (bySurname.TryGetValue(norm[p..], out var surname, out _))
            {
                return (surname, p);
            }
        }

        return (null, 0);
    }

    private static void AddDistinct(List<string> list, string value)
    {
        var norm = ArabicNormalizer.Normalize(value);
        if (!list.Any(x => ArabicNormalizer.Normalize(x) == norm))
        {
            list.Add(value);
        }
    }

    /// <summary>
    /// True when <paramref name="text"/> names <paramref name="person"/> (by its full name or one of its aliases,
    /// allowing a conjunction or preposition glued to the first word).
    /// </summary>
    public static bool IsNamedIn(string text, ExtractedPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return !string.IsNullOrEmpty(text) && IsNamedIn(TextSpans.Words(text), FormsOf(person));
    }

    /// <summary>The words (search forms) of a person's name and of each alias, for <see cref="IsNamedIn(List{Word}, string[][])"/>.</summary>
    internal static string[][] FormsOf(ExtractedPerson person) =>
        [.. person.Aliases.Prepend(person.Name).Select(form => TextSpans.Words(form).Select(w => w.Norm.ToString()).ToArray())];

    /// <summary>True when <paramref name="words"/> hold one of a person's <paramref name="forms"/> (see <see cref="FormsOf"/>).</summary>
    internal static bool IsNamedIn(List<Word> words, string[][] forms)
    {
        foreach (var tokens in forms)
        {
            if (tokens.Length == 0)
            {
                continue;
            }

            for (var i = 0; i + tokens.Length <= words.Count; i++)
            {
                var firstNorm = words[i].Norm;
                var first = tokens[0];
                var firstMatches = firstNorm.SequenceEqual(first)
                    || (firstNorm.Length > first.Length && firstNorm.EndsWith(first, StringComparison.Ordinal) && firstNorm.Length - first.Length <= 2
                        && !firstNorm[..^first.Length].ContainsAnyExcept("وفبلك"));
                if (!firstMatches)
                {
                    continue;
                }

                var all = true;
                for (var k = 1; k < tokens.Length && all; k++)
                {
                    all = words[i + k].Norm.SequenceEqual(tokens[k]);
                }

                if (all)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
