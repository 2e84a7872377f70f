using Microsoft.EntityFrameworkCore;
using NewsArchive.Text.Normalization;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Search;

/// <summary>
/// Finds the person records a reader means by <c>person=</c>: an id, or a name in any spelling
/// (أوستن / اوستن, شويغو / شويجو): the full name, an alias, or the last word of the name.
/// </summary>
public static class PersonLookup
{
    private const int MaxMatches = 20;

    /// <summary>Null when <paramref name="person"/> is empty (no filter); otherwise the matching ids, possibly none.</summary>
    public static async Task<IReadOnlyList<int>?> ResolveAsync(ArchiveDbContext db, string? person, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(person))
        {
            return null;
        }

        var text = person.Trim();
        if (int.TryParse(text, out var id))
        {
            return await db.Persons.Where(p => p.Id == id).Select(p => p.Id).ToListAsync(ct);
        }

        var normalized = string.Join(' ', ArabicTokenizer.Tokenize(text).Select(t => t.Normalized));
        if (normalized.Length == 0)
        {
            return [];
        }

        var exact = await db.Persons.AsNoTracking()
            .Where(p => p.NormalizedName == normalized || p.Aliases.Any(a => a.NormalizedAlias == normalized))
            .Select(p => p.Id)
            .Take(MaxMatches)
            .ToListAsync(ct);
        if (exact.Count > 0)
        {
            return exact;
        }

        // A spelling variant of the whole name, or of its last word (a surname typed alone): the
        // key finds candidates (NameKey joins word keys with spaces), NameKey.AreVariants confirms.
        var key = NameKey.For(normalized);
        if (key.Length == 0)
        {
            return [];
        }

        var keySuffix = " " + key;
        var suffix = " " + normalized;
        var candidates = await db.Persons.AsNoTracking()
            .Where(p => p.NameKey == key || p.NameKey.EndsWith(keySuffix) || p.NormalizedName.EndsWith(suffix))
            .Select(p => new { p.Id, p.NormalizedName })
            .Take(MaxMatches * 5)
            .ToListAsync(ct);
        return [.. candidates
            .Where(p => NameKey.AreVariants(p.NormalizedName, normalized)
                || NameKey.AreVariants(p.NormalizedName.Split(' ')[^1], normalized))
            .Select(p => p.Id)
            .Take(MaxMatches)];
    }

    /// <summary>
    /// Persons whose name or an alias contains <paramref name="q"/> in its search form, or whose
    /// name key matches it (spelling variants); all persons when <paramref name="q"/> is empty.
    /// </summary>
    public static IQueryable<Person> Matching(ArchiveDbContext db, string? q)
    {
        var persons = db.Persons.AsNoTracking();
        if (string.IsNullOrWhiteSpace(q))
        {
            return persons;
        }

        var normalized = string.Join(' ', ArabicTokenizer.Tokenize(q).Take(8).Select(t => t.Normalized));
        if (normalized.Length == 0)
        {
            return persons.Where(p => false);
        }

        // The name key widens to spellings (شويغو finds شويجو); it is coarse, but a list is browsed, not counted.
        var key = NameKey.For(normalized);
        return persons.Where(p => p.NormalizedName.Contains(normalized)
            || p.Aliases.Any(a => a.NormalizedAlias.Contains(normalized))
            || (key.Length > 2 && (p.NameKey == key || p.NameKey.EndsWith(" " + key))));
    }
}
