import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, linkedSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatChipsModule } from '@angular/material/chips';
import { MatDividerModule } from '@angular/material/divider';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { AuthSession } from '../auth/auth-session';
import { describeFailure } from '../http/describe-failure';
import { I18n } from '../i18n/i18n';
import { LANGUAGES, type Language } from '../i18n/messages';
import { buildNavItems } from './nav-items';

/** Phones get an overlay navigation drawer; anything wider keeps it docked beside the content. */
export const HANDSET_QUERY = '(max-width: 767.98px)';

/** Shown in the language switch in the language itself, so a reader of either can find it. */
const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { 'zh-CN': '中文', en: 'EN' };

/** The application frame: toolbar with language switch and account menu, navigation drawer, page outlet and footer. */
@Component({
  selector: 'cadre-shell',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatChipsModule,
    MatDividerModule,
    MatListModule,
    MatMenuModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly breakpoints = inject(BreakpointObserver);
  private readonly i18n = inject(I18n);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;
  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;
  protected readonly me = this.session.me;
  protected readonly active = computed(() => this.me()?.stage === 'active');
  protected readonly navItems = computed(() => buildNavItems(this.me(), this.messages().shell));
  /** Without pages to offer (signed out, mid-login, or a role with no page), there is no drawer. */
  protected readonly hasNavigation = computed(() => this.navItems().length > 0);

  protected readonly handset = toSignal(this.breakpoints.observe(HANDSET_QUERY).pipe(map((state) => state.matches)), {
    initialValue: this.breakpoints.isMatched(HANDSET_QUERY),
  });
  /** Only meaningful on phones, where it starts closed again whenever the layout changes. */
  protected readonly drawerOpen = linkedSignal({ source: this.handset, computation: () => false });
  protected readonly sidenavOpened = computed(() => this.hasNavigation() && (!this.handset() || this.drawerOpen()));

  constructor() {
    const title = inject(Title);
    effect(() => title.setTitle(this.messages().shell.productName));
  }

  protected selectLanguage(language: Language): void {
    this.i18n.setLanguage(language);
  }

  protected toggleDrawer(): void {
    this.drawerOpen.update((open) => !open);
  }

  protected closeDrawerOnHandset(): void {
    if (this.handset()) this.drawerOpen.set(false);
  }

  protected signOut(): void {
    this.session.logout().subscribe({
      next: () => void this.router.navigateByUrl('/login'),
      error: (error: unknown) => {
        this.snackBar.open(describeFailure(error, this.messages()).title, this.messages().common.close);
      },
    });
  }
}
