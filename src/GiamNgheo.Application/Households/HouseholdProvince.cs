namespace GiamNgheo.Application.Households;

/// <summary>
/// A household's province is its distribution key (docs/scaling.md): fixed at registration and never changed in place.
/// A household that moves to another province leaves the old one (<c>LeaveAsync</c>, reason
/// "chuyển đi") and is registered anew in the new one; a hand-over event linking the two is future work.
/// </summary>
public static class HouseholdProvince
{
    public const string ChangeRefused =
        "Không thể chuyển hộ sang tỉnh, thành phố khác bằng cách sửa thông tin hộ: tỉnh của hộ được giữ cố định từ khi đăng ký. "
        + "Hộ chuyển đến tỉnh khác được ghi là chuyển đi ở tỉnh cũ và đăng ký là hộ mới ở tỉnh mới.";
}
