using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsArchive.Web.Pages.Account;

public class LoginModel(SignInManager<IdentityUser> signIn, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "أدخل البريد الإلكتروني")]
    [EmailAddress(ErrorMessage = "البريد الإلكتروني غير صالح")]
    [Display(Name = "البريد الإلكتروني")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "أدخل كلمة المرور")]
    [DataType(DataType.Password)]
    [Display(Name = "كلمة المرور")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Counting failures (lockoutOnFailure) is what stops password guessing.
        var result = await signIn.PasswordSignInAsync(Email, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("{Email} logged in", Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("{Email} is locked out after repeated failed logins", Email);
            ModelState.AddModelError("", "أُغلق الحساب مؤقتاً بعد محاولات دخول فاشلة متكررة. حاول لاحقاً.");
        }
        else
        {
            ModelState.AddModelError("", "البريد الإلكتروني أو كلمة المرور غير صحيحة.");
        }

        return Page();
    }
}
