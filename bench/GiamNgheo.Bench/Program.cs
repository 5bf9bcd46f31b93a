using System.CommandLine;
using GiamNgheo.Bench;

var root = new RootCommand("GiamNgheo — đo hiệu năng trên cơ sở dữ liệu riêng, tạo mới và xoá sau khi đo (benchmarks on their own databases)")
{
    ImportBench.Create(),
    ReportsBench.Create(),
    SupportBench.Create(),
};
return await root.Parse(args).InvokeAsync();
