using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace InvoicePipeline.Worker.Dashboard;

internal static class LoginPage
{
    public static string Render(AntiforgeryTokenSet tokens, string? error) => $$"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in – InvoicePipeline</title>
        <style>body{font-family:sans-serif;background:#f5f5f5}
        form{max-width:320px;margin:10em auto;background:#fff;padding:2em;border:1px solid #ddd}
        label{display:block;margin-top:1em}input{width:100%;padding:.4em}button{margin-top:1.5em;padding:.5em 1.5em}
        .error{color:#b00}</style></head>
        <body><form method="post" action="/login"><h2>InvoicePipeline</h2>
        {{(error is null ? "" : $"<p class=\"error\" id=\"error\">{WebUtility.HtmlEncode(error)}</p>")}}
        <input type="hidden" name="{{tokens.FormFieldName}}" value="{{tokens.RequestToken}}">
        <label>User <input name="user" id="user" autocomplete="username"></label>
        <label>Password <input name="password" id="password" type="password" autocomplete="current-password"></label>
        <button type="submit" id="signin">Sign in</button></form></body></html>
        """;
}
