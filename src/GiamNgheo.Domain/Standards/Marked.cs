namespace GiamNgheo.Domain.Standards;

/// <summary>A value of a standard together with its verification mark and where it was seen.</summary>
public sealed record Marked<T>(T Value, VerificationMark Mark, string? Source = null)
{
    public bool IsVerified => Mark is VerificationMark.Verified or VerificationMark.Derived;
}
