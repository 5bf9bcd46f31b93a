namespace GiamNgheo.Domain.Common;

public static class Ages
{
    /// <summary>Age in completed years on <paramref name="on"/> (a birthday counts on its day).</summary>
    public static int At(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        if (on < dateOfBirth.AddYears(age))
        {
            age--;
        }

        return age;
    }
}
