using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace NewsArchive.Web.Tests.Admin;

public class LoginTests(AdminApp app) : IClassFixture<AdminApp>
{
    [Fact]
    public async Task Login_page_is_arabic_and_right_to_left()
    {
        using var client = app.CreateClient();
        var html = await AdminApp.GetHtmlAsync(client, "/account/login");
        Assert.Contains("dir=\"rtl\"", html);
        Assert.Contains("تسجيل الدخول", html);
        Assert.Contains("__RequestVerificationToken", html);
    }

    [Fact]
    public async Task The_first_admin_is_created_from_configuration_and_can_log_in()
    {
        using var client = await app.LoginAsync();
        var response = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("لوحة الإدارة", await AdminApp.HtmlAsync(response));
    }

    [Fact]
    public async Task Login_returns_to_the_page_asked_for_but_never_off_site()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var token = await AdminApp.TokenAsync(client, "/account/login");
        var form = new Dictionary<string, string>
        {
            ["Email"] = AdminApp.AdminEmail,
            ["Password"] = AdminApp.AdminPassword,
            ["ReturnUrl"] = "https://evil.example/steal",
            ["__RequestVerificationToken"] = token,
        };
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(form));
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);

        using var second = app.CreateClient(new() { AllowAutoRedirect = false });
        token = await AdminApp.TokenAsync(second, "/account/login");
        form["ReturnUrl"] = "/admin/imports";
        form["__RequestVerificationToken"] = token;
        response = await second.PostAsync("/account/login", new FormUrlEncodedContent(form));
        Assert.Equal("/admin/imports", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_without_the_anti_forgery_token_is_rejected()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = AdminApp.AdminEmail,
            ["Password"] = AdminApp.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Repeated_failed_logins_lock_the_account()
    {
        const string email = "locked@test.local";
        const string password = "Locked-Passw0rd!";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = new IdentityUser { UserName = email, Email = email };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            await users.AddToRoleAsync(user, "Admin");
        }

        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 4; i++)
        {
            var wrong = await AdminApp.PostLoginAsync(client, email, "wrong-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("غير صحيحة", await AdminApp.HtmlAsync(wrong));
        }

        var fifth = await AdminApp.PostLoginAsync(client, email, "wrong-password");
        Assert.Contains("أُغلق الحساب مؤقتاً", await AdminApp.HtmlAsync(fifth));

        // The right password no longer opens the door.
        var locked = await AdminApp.PostLoginAsync(client, email, password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("أُغلق الحساب مؤقتاً", await AdminApp.HtmlAsync(locked));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Logout_is_a_post_with_its_token()
    {
        using var client = await app.LoginAsync();
        // A GET (a link from another site) does not log out.
        await client.GetAsync("/account/logout");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        var token = await AdminApp.TokenAsync(client, "/account/logout");
        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }
}
