namespace GiamNgheo.Domain.Standards;

/// <summary>How far a value of a standard has been checked (docs/domain.md §0).</summary>
public enum VerificationMark
{
    /// <summary>[V] Verified in the cited primary or official source.</summary>
    Verified = 0,

    /// <summary>[V3] Seen only in a secondary source (press, law-firm Q&amp;A, third-party code).</summary>
    SecondarySource = 1,

    /// <summary>[M] Believed correct but not verified: kept as data so an official can correct it.</summary>
    Unverified = 2,

    /// <summary>[D] Derived by calculation from verified numbers.</summary>
    Derived = 3,

    /// <summary>[K] From expert knowledge of the legal text, not checked against a stored copy (treated like [M]).</summary>
    Expert = 4,
}

public static class VerificationMarkCodes
{
    /// <summary>The marker as written in the domain reference: V, V3, M or D.</summary>
    public static string ToCode(this VerificationMark mark) => mark switch
    {
        VerificationMark.Verified => "V",
        VerificationMark.SecondarySource => "V3",
        VerificationMark.Unverified => "M",
        VerificationMark.Derived => "D",
        VerificationMark.Expert => "K",
    };

    public static bool TryParse(string? text, out VerificationMark mark)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "V":
                mark = VerificationMark.Verified;
                return true;
            case "V3":
                mark = VerificationMark.SecondarySource;
                return true;
            case "M":
                mark = VerificationMark.Unverified;
                return true;
            case "D":
                mark = VerificationMark.Derived;
                return true;
            case "K":
                mark = VerificationMark.Expert;
                return true;
            default:
                mark = VerificationMark.Unverified;
                return false;
        }
    }

    public static string ToVietnamese(this VerificationMark mark) => mark switch
    {
        VerificationMark.Verified => "Đã đối chiếu văn bản gốc",
        VerificationMark.SecondarySource => "Chỉ thấy ở nguồn thứ cấp, cần đối chiếu",
        VerificationMark.Unverified => "Chưa kiểm chứng",
        VerificationMark.Derived => "Tính ra từ số liệu đã kiểm chứng",
        VerificationMark.Expert => "Theo hiểu biết chuyên môn về văn bản, chưa đối chiếu bản lưu",
    };
}
