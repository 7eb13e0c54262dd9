using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace Leaflets.Api.Tests.Infrastructure;

/// <summary>
/// A function called as the Functions host calls it: on a bare request with no ASP.NET Core middleware, its result
/// executed onto a response whose body can be read back.
/// </summary>
internal static class DirectCall
{
    public const string Origin = "https://functions.example:8443";

    public static DefaultHttpContext Request(string method, string path, string query = "", string? accept = null, IServiceProvider? services = null)
    {
        var context = new DefaultHttpContext();
        if (services is not null)
        {
            context.RequestServices = services;
        }
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("functions.example", 8443);
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }
        context.Response.Body = new MemoryStream();
        return context;
    }

    public static async Task<(int Status, string Body)> ExecuteAsync(HttpContext context, IActionResult result)
    {
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        var body = (MemoryStream)context.Response.Body;
        return (context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
