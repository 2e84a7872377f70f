using Microsoft.EntityFrameworkCore;
using NewsArchive.Text.Normalization;
using NewsArchive.Text.Persons;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Import;

/// <summary>
/// The person records of the archive, by name key, held in memory for one import run: resolving
/// an article's persons then costs no queries. Changes made while importing a file stay pending
/// until its transaction commits, so a rolled-back file leaves no trace here either.
/// </summary>
internal sealed class PersonDirectory
{
    private readonly Dictionary<string, List<Entry>> _byKey = new(StringComparer.Ordinal);
    private readonly List<Entry> _pendingPersons = [];
    private readonly List<(Entry Entry, string Alias)> _pendingAliases = [];

    internal sealed class Entry(int id, string name, string normalizedName)
    {
        public int Id { get; } = id;
        public string Name { get; } = name;
        public string NormalizedName { get; } = normalizedName;
        public HashSet<string> Aliases { get; } = new(StringComparer.Ordinal);
    }

    public int Count { get; private set; }

    public static async Task<PersonDirectory> LoadAsync(ArchiveDbContext db, CancellationToken ct)
    {
        var directory = new PersonDirectory();
        var byId = new Dictionary<int, Entry>();
        await foreach (var p in db.Persons.AsNoTracking().Select(p => new { p.Id, p.Name, p.NormalizedName, p.NameKey }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var entry = new Entry(p.Id, p.Name, p.NormalizedName);
            directory.Add(p.NameKey, entry);
            byId[p.Id] = entry;
        }

        await foreach (var a in db.PersonAliases.AsNoTracking().Select(a => new { a.PersonId, a.NormalizedAlias }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (byId.TryGetValue(a.PersonId, out var entry))
            {
                entry.Aliases.Add(a.NormalizedAlias);
            }
        }

        return directory;
    }

    /// <summary>
    /// The record for a person found in an article: an existing one whose name is a spelling
    /// variant of it (same key, confirmed), or a new one stored with <paramref name="insert"/>
    /// (name, search form, key → id). Candidates come only from the full name's key, so two
    /// people who share a surname never merge.
    /// </summary>
    public Entry Resolve(ExtractedPerson person, Func<string, string, string, int> insert) => Resolve(FormsOf(person), insert);

    /// <summary>As <see cref="Resolve(ExtractedPerson, Func{string, string, string, int})"/>, with the name's forms computed before (<see cref="FormsOf"/>).</summary>
    public Entry Resolve(Forms person, Func<string, string, string, int> insert)
    {
        var (key, normalized) = (person.Key, person.Normalized);
        if (_byKey.TryGetValue(key, out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (candidate.NormalizedName == normalized || candidate.Aliases.Contains(normalized))
                {
                    return candidate;
                }
            }

            foreach (var candidate in candidates)
            {
                if (AreVariants(candidate.Name, person.Person.Name))
                {
                    return candidate;
                }
            }
        }

        var entry = new Entry(insert(person.Person.Name, normalized, key), person.Person.Name, normalized);
        Add(key, entry);
        _pendingPersons.Add(entry);
        return entry;
    }

    /// <summary>Stores, with <paramref name="insert"/> (person id, form, search form), the forms of the name the archive does not know yet.</summary>
    public void AddAliases(Entry entry, IEnumerable<(string Alias, string Normalized)> forms, Action<int, string, string> insert)
    {
        foreach (var (alias, normalized) in forms)
        {
            if (normalized.Length == 0 || normalized == entry.NormalizedName || !entry.Aliases.Add(normalized))
            {
                continue;
            }

            _pendingAliases.Add((entry, normalized));
            insert(entry.Id, alias, normalized);
        }
    }

    /// <summary>The file's transaction committed: its new persons and aliases are now the archive's.</summary>
    public void Commit()
    {
        _pendingPersons.Clear();
        _pendingAliases.Clear();
    }

    /// <summary>The file's transaction rolled back: forget what it added.</summary>
    public void Rollback()
    {
        foreach (var (entry, alias) in _pendingAliases)
        {
            entry.Aliases.Remove(alias);
        }

        foreach (var entry in _pendingPersons)
        {
            if (_byKey.TryGetValue(NameKeyOf(entry.Name), out var list))
            {
                list.Remove(entry);
            }

            Count--;
        }

        _pendingPersons.Clear();
        _pendingAliases.Clear();
    }

    /// <summary>
    /// A found person's name key and search forms: pure work on the name, which the import does on
    /// its read-ahead thread so the single writer only looks them up.
    /// </summary>
    internal sealed record Forms(ExtractedPerson Person, string Key, string Normalized, (string Alias, string Normalized)[] Aliases);

    /// <summary>The forms <see cref="Resolve(Forms, Func{string, string, string, int})"/> and <see cref="AddAliases"/> need: the name's key and search form, and each alias and the name itself, trimmed, with their search forms.</summary>
    public static Forms FormsOf(ExtractedPerson person) => new(
        person,
        NameKeyOf(person.Name),
        ArabicNormalizer.Normalize(person.Name),
        [.. person.Aliases.Append(person.Name).Select(form => form.Trim()).Select(alias => (alias, ArabicNormalizer.Normalize(alias)))]);

    private void Add(string key, Entry entry)
    {
        if (!_byKey.TryGetValue(key, out var list))
        {
            _byKey[key] = list = new List<Entry>(1);
        }

        list.Add(entry);
        Count++;
    }

    internal static string NameKeyOf(string name) => NameKey.For(name);

    internal static bool AreVariants(string a, string b) => NameKey.AreVariants(a, b);
}
