using NewsArchive.Web.Data;

namespace NewsArchive.Web.Admin;

/// <summary>How import outcomes read on the admin pages.</summary>
public static class ImportOutcomeNames
{
    public static string Arabic(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Imported => "استُورد",
        ImportOutcome.Updated => "حُدِّث",
        ImportOutcome.Unchanged => "بلا تغيير",
        ImportOutcome.Duplicate => "مكرر",
        ImportOutcome.Failed => "فشل",
        ImportOutcome.Deleted => "حُذف",
        _ => outcome.ToString(),
    };

    /// <summary>A CSS class per outcome, so failures stand out in long reports.</summary>
    public static string Css(ImportOutcome outcome) => "outcome-" + outcome.ToString().ToLowerInvariant();
}
