using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NewsArchive.Web.Admin;

/// <summary>Creates admins: the first one at startup, others from the command line.</summary>
public sealed class AdminAccounts(
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<AdminOptions> options,
    ILogger<AdminAccounts> logger)
{
    /// <summary>On first run (no user holds the Admin role) creates the configured admin.</summary>
    public async Task EnsureFirstAdminAsync()
    {
        await EnsureRoleAsync();
        if ((await users.GetUsersInRoleAsync(AdminOptions.Role)).Count > 0)
        {
            return;
        }

        var email = options.Value.Email;
        var password = options.Value.Password;
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = GeneratePassword();
        }

        var result = await AddAsync(email, password!);
        if (!result.Succeeded)
        {
            logger.LogError("Could not create the first admin {Email}: {Errors}", email, Describe(result));
            return;
        }

        if (generated)
        {
            // The only time this password is shown: the admin must note it or reset it from the command line.
            logger.LogWarning("Created the first admin {Email} with the generated password {Password}", email, password);
        }
        else
        {
            logger.LogInformation("Created the first admin {Email} with the configured password", email);
        }
    }

    /// <summary>Creates an admin, or gives an existing user the Admin role and this password.</summary>
    public async Task<IdentityResult> AddAsync(string email, string password)
    {
        await EnsureRoleAsync();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return created;
            }
        }
        else
        {
            var reset = await SetPasswordAsync(user, password);
            if (!reset.Succeeded)
            {
                return reset;
            }
        }

        return await users.IsInRoleAsync(user, AdminOptions.Role)
            ? IdentityResult.Success
            : await users.AddToRoleAsync(user, AdminOptions.Role);
    }

    /// <summary>Sets a user's password and lifts any lockout.</summary>
    public async Task<IdentityResult> ResetPasswordAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        return user is null
            ? IdentityResult.Failed(new IdentityError { Code = "NotFound", Description = $"No user {email}." })
            : await SetPasswordAsync(user, password);
    }

    private async Task<IdentityResult> SetPasswordAsync(IdentityUser user, string password)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        return result;
    }

    private async Task EnsureRoleAsync()
    {
        if (!await roles.RoleExistsAsync(AdminOptions.Role))
        {
            await roles.CreateAsync(new IdentityRole(AdminOptions.Role));
        }
    }

    /// <summary>A password that satisfies Identity's default rules (upper, lower, digit, symbol).</summary>
    public static string GeneratePassword()
    {
        const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var core = RandomNumberGenerator.GetString(Alphabet, 16);
        return $"{core}-Aa9";
    }

    public static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => e.Description));
}
