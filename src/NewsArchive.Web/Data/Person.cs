namespace NewsArchive.Web.Data;

/// <summary>A person named in one or more articles; spelling variants of one name are one person.</summary>
public class Person
{
    public int Id { get; set; }
    /// <summary>The canonical (fullest, most used) form of the name, as written.</summary>
    public required string Name { get; set; }
    /// <summary>The name's search form (normalized), for lookups.</summary>
    public required string NormalizedName { get; set; }
    /// <summary>The name's spelling-variant key (NameKey), for finding candidates to merge.</summary>
    public required string NameKey { get; set; }
    /// <summary>How many articles mention the person; kept by the importer so lists sort without counting.</summary>
    public int ArticleCount { get; set; }
    public List<PersonAlias> Aliases { get; set; } = [];
    public List<PersonRole> Roles { get; set; } = [];
    public List<ArticlePerson> Articles { get; set; } = [];
}

/// <summary>Another form under which the same person is mentioned (<c>أوستن</c> for <c>لويد أوستن</c>).</summary>
public class PersonAlias
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public required string Alias { get; set; }
    public required string NormalizedAlias { get; set; }
}

/// <summary>A role or title seen with the person in an article (<c>وزير الدفاع الأميركي</c>), with the year it was seen.</summary>
public class PersonRole
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public int ArticleId { get; set; }
    public required string Role { get; set; }
    public int Year { get; set; }
}

/// <summary>The mentions of one person in one article.</summary>
public class ArticlePerson
{
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int Mentions { get; set; }
    /// <summary>The sentence of the first mention, as evidence.</summary>
    public required string FirstSentence { get; set; }
    /// <summary>The first role seen with the person in this article, if any.</summary>
    public string? Role { get; set; }
}
