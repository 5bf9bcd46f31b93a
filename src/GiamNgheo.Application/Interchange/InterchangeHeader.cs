namespace GiamNgheo.Application.Interchange;

/// <summary>Which header row a writer emits. Readers accept both.</summary>
public enum InterchangeHeader
{
    /// <summary>English column codes (<c>household_code</c>, …): the public contract.</summary>
    Codes = 0,

    /// <summary>Vietnamese headers (<c>Mã hộ</c>, …) for officers opening the file in a spreadsheet.</summary>
    Vietnamese = 1,
}
