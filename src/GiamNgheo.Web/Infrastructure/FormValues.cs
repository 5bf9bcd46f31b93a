using GiamNgheo.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace GiamNgheo.Web.Infrastructure;

/// <summary>
/// Vietnamese office conventions for everything the web forms post (one place for all pages; the JSON API is untouched and
/// keeps plain numbers and ISO dates): numbers typed as 1.600.000, 1600000 or 1 600 000; dates typed dd/MM/yyyy (ISO
/// yyyy-MM-dd still accepted); refusals in Vietnamese naming the field. Registered in Program.cs by <see cref="Register"/>.
/// </summary>
public static class FormValues
{
    /// <summary>Adds the binder, the Vietnamese field names and the Vietnamese framework messages to MVC/Razor Pages.</summary>
    public static void Register(MvcOptions options)
    {
        options.ModelBinderProviders.Insert(0, new VietnameseValueBinderProvider());
        options.ModelMetadataDetailsProviders.Add(new VietnameseMetadataProvider());
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"{field}: giá trị \"{value}\" không hợp lệ.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        m.SetUnknownValueIsInvalidAccessor(field => $"{field}: giá trị không hợp lệ.");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        m.SetValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        m.SetValueMustBeANumberAccessor(field => $"{field} phải là một số.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
        m.SetValueMustNotBeNullAccessor(field => $"{field}: chưa nhập.");
        m.SetMissingBindRequiredValueAccessor(field => $"{field}: chưa nhập.");
        m.SetMissingKeyOrValueAccessor(() => "Chưa nhập giá trị.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
        options.Filters.Add(new BindingErrorsFilter());
    }

    /// <summary>
    /// Reads one posted value of a number or date type (int, long, short, decimal, double, DateOnly, DateTime, nullable or
    /// not). Returns the value, or a Vietnamese message naming <paramref name="field"/>. Blank is null for nullable types.
    /// </summary>
    public static (object? Value, string? Error) Parse(Type type, string? text, string field, bool decimalComma = true)
    {
        var nullable = Nullable.GetUnderlyingType(type) is not null;
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (string.IsNullOrWhiteSpace(text))
        {
            return nullable ? (null, null) : (null, $"{field}: chưa nhập.");
        }

        if (t == typeof(DateOnly) || t == typeof(DateTime))
        {
            if (!VietnameseDate.TryParse(text, out var date))
            {
                return (null, $"{field}: \"{text.Trim()}\" không phải là ngày hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 16/02/2026.");
            }

            return (t == typeof(DateOnly) ? date : date.ToDateTime(TimeOnly.MinValue), null);
        }

        if (t == typeof(decimal) || t == typeof(double) || t == typeof(float))
        {
            if (!VietnameseNumber.TryParseDecimal(text, decimalComma, out var d))
            {
                return (null, $"{field}: \"{text.Trim()}\" không phải là số; nhập ví dụ {(decimalComma ? "1,5 hoặc 1.600.000" : "1.5 or 1,600,000")}.");
            }

            return (t == typeof(decimal) ? d : t == typeof(double) ? (double)d : (object)(float)d, null);
        }

        if (!VietnameseNumber.TryParse(text, out var n))
        {
            return (null, $"{field}: \"{text.Trim()}\" không phải là số nguyên; nhập ví dụ 1.600.000 hoặc 1600000.");
        }

        if (t == typeof(long))
        {
            return (n, null);
        }

        if (t == typeof(int) && n is >= int.MinValue and <= int.MaxValue)
        {
            return ((int)n, null);
        }

        if (t == typeof(short) && n is >= short.MinValue and <= short.MaxValue)
        {
            return ((short)n, null);
        }

        return (null, $"{field}: số {VietnameseNumber.Format(n)} quá lớn.");
    }

    internal static readonly Type[] Handled =
        [typeof(int), typeof(long), typeof(short), typeof(decimal), typeof(double), typeof(float), typeof(DateOnly), typeof(DateTime)];
}

/// <summary>The Vietnamese name of a form field, for messages: from the field's [Display] name, else from this list of the
/// names that page models use for their inputs and handler parameters, else the name itself.</summary>
public static class FieldNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Year"] = "Năm", ["Month"] = "Tháng", ["Version"] = "Phiên bản",
        ["SurveyDate"] = "Ngày khảo sát", ["IncomePerCapita"] = "Thu nhập bình quân đầu người/tháng", ["B1Score"] = "Điểm B1",
        ["B1ScoreTable"] = "Bảng điểm B1", ["OtherCause"] = "Nguyên nhân khác",
        ["DateOfBirth"] = "Ngày sinh", ["FullName"] = "Họ và tên", ["Sex"] = "Giới tính", ["EthnicityCode"] = "Dân tộc",
        ["RelationToHead"] = "Quan hệ với chủ hộ", ["PersonalId"] = "Số định danh cá nhân", ["Education"] = "Trình độ giáo dục",
        ["Schooling"] = "Tình trạng đi học", ["Employment"] = "Việc làm", ["Disability"] = "Khuyết tật",
        ["ResidentFrom"] = "Cư trú từ ngày", ["CommuneCode"] = "Xã", ["VillageCode"] = "Thôn", ["Code"] = "Mã hộ",
        ["HeadName"] = "Họ tên chủ hộ", ["Address"] = "Địa chỉ",
        ["PolicyCode"] = "Chính sách", ["MemberId"] = "Thành viên", ["Agency"] = "Cơ quan hỗ trợ", ["Date"] = "Ngày",
        ["AmountDong"] = "Số tiền (đồng)", ["Quantity"] = "Số lượng", ["Funding"] = "Nguồn kinh phí", ["Reference"] = "Số chứng từ",
        ["Note"] = "Ghi chú",
        ["UserName"] = "Tên đăng nhập", ["Position"] = "Chức vụ", ["Role"] = "Vai trò", ["UnitCode"] = "Đơn vị",
        ["Password"] = "Mật khẩu", ["CurrentPassword"] = "Mật khẩu hiện tại", ["NewPassword"] = "Mật khẩu mới",
        ["ConfirmPassword"] = "Nhập lại mật khẩu mới",
        ["heldOn"] = "Ngày họp", ["attendees"] = "Số người dự", ["start"] = "Ngày niêm yết", ["signedOn"] = "Ngày ký",
        ["receivedOn"] = "Ngày nhận", ["recheckedOn"] = "Ngày phúc tra", ["applicationDate"] = "Ngày nộp Mẫu 01",
        ["leaveDate"] = "Ngày không còn cư trú", ["escapeYear"] = "Năm đăng ký thoát nghèo", ["registeredOn"] = "Ngày đăng ký",
        ["itemTarget"] = "Hoàn thành trước ngày", ["from"] = "Áp dụng từ ngày", ["asOf"] = "Tính đến ngày",
        ["householdId"] = "Hộ", ["responsible"] = "Người phụ trách", ["notes"] = "Nội dung",
    };

    public static string Of(string name) => Names.TryGetValue(name, out var vi) ? vi : name;
}

/// <summary>Binds the number and date types of <see cref="FormValues.Handled"/> from form posts, query strings and routes.</summary>
public sealed class VietnameseValueBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return Array.IndexOf(FormValues.Handled, type) >= 0 && context.BindingInfo.BindingSource != BindingSource.Body
            ? new VietnameseValueBinder()
            : null;
    }
}

public sealed class VietnameseValueBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (posted == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
        var (value, error) = FormValues.Parse(bindingContext.ModelType, posted.FirstValue, bindingContext.ModelMetadata.GetDisplayName(), !L.IsEnglish);
        if (error is not null)
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, error);
            return Task.CompletedTask;
        }

        bindingContext.Result = ModelBindingResult.Success(value);
        return Task.CompletedTask;
    }
}

/// <summary>Gives every bound field without a [Display] name its Vietnamese name from <see cref="FieldNames"/>, and every
/// validation attribute without its own message a Vietnamese one (the framework's are English).</summary>
internal sealed class VietnameseMetadataProvider : IDisplayMetadataProvider, IValidationMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.DisplayMetadata.DisplayName is null && context.Key.Name is { } name)
        {
            var vi = FieldNames.Of(name);
            context.DisplayMetadata.DisplayName = () => vi;
        }
    }

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<System.ComponentModel.DataAnnotations.ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceType is not null)
            {
                continue;
            }

            attribute.ErrorMessage = attribute switch
            {
                System.ComponentModel.DataAnnotations.RequiredAttribute => "{0}: chưa nhập.",
                System.ComponentModel.DataAnnotations.StringLengthAttribute => "{0} dài quá {1} ký tự.",
                System.ComponentModel.DataAnnotations.MaxLengthAttribute => "{0} dài quá {1} ký tự.",
                System.ComponentModel.DataAnnotations.RangeAttribute => "{0} phải từ {1} đến {2}.",
                _ => "{0} không hợp lệ.",
            };
        }
    }
}

/// <summary>
/// A small inline form (a date or number passed as a handler parameter) that cannot be read never reaches its use case
/// with a default value: the page is shown again with the Vietnamese message. Forms bound to an Input model keep their
/// errors on the fields and are redisplayed by their page.
/// </summary>
internal sealed class BindingErrorsFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var parameters = context.HandlerMethod?.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var errors = context.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 } && parameters.Contains(e.Key.Split('.', '[')[0]))
            .SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage))
            .ToList();
        if (errors.Count > 0 && HttpMethods.IsPost(context.HttpContext.Request.Method)
            && context.HandlerInstance is Microsoft.AspNetCore.Mvc.RazorPages.PageModel page)
        {
            page.TempData[page is Pages.Reviews.ReviewPage ? "ReviewError" : "Flash"] = "Chưa lưu: " + string.Join(" ", errors);
            context.Result = new RedirectResult(context.HttpContext.Request.Path + QueryWithoutHandler(context.HttpContext.Request));
            return;
        }

        await next();
    }

    private static string QueryWithoutHandler(HttpRequest request)
    {
        var kept = request.Query.Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase)).ToList();
        return kept.Count == 0 ? string.Empty : QueryString.Create(kept).ToString();
    }
}
