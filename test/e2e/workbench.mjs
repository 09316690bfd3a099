// Helpers for driving the real VS Code web UI (code-server) with playwright-core.
export async function waitForStableColours(page) {
  // A fresh profile paints with a fallback theme first; wait until colours stop changing.
  let last = '', stableSince = Date.now();
  while (Date.now() - stableSince < 750) {
    const sig = await page.evaluate(() => ['.activitybar', '.part.statusbar', '.part.sidebar']
      .map(sel => { const el = document.querySelector(sel); return el ? getComputedStyle(el).backgroundColor : ''; }).join('|'));
    if (sig !== last) { last = sig; stableSince = Date.now(); }
    await page.waitForTimeout(150);
  }
}

export async function openViewContainer(page, title) {
  const sidebar = page.locator('#workbench\\.parts\\.sidebar');
  const showing = async () => await sidebar.isVisible() && (await sidebar.locator('.composite.title').innerText().catch(() => '')).toLowerCase().includes(title.toLowerCase());
  // A click on the icon of the container that is already active closes the side bar instead, and a
  // window still restoring its layout can swallow the first click: click until the container shows.
  for (let attempt = 0; attempt < 3 && !(await showing()); attempt++) {
    const icon = page.locator(`.activitybar .action-item a[aria-label^="${title}"]`);
    await icon.waitFor();
    await icon.click();
    await sidebar.waitFor({ timeout: 5000 }).catch(() => undefined);
  }
  await sidebar.waitFor();
  return sidebar;
}

export function treeRow(sidebar, text) {
  return sidebar.locator('.monaco-list-row', { hasText: text }).first();
}

export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  // Typed key by key: a value filled at once is sometimes filtered against a stale command list.
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.fill('>');
    await input.pressSequentially(title, { delay: 15 });
    if (await row.waitFor({ timeout: 5000 }).then(() => true, () => false)) break;
  }
  await row.click();
}

/** Text visible in the page (accessible text), for the secret-canary check. */
export async function visibleText(page) {
  return page.evaluate(() => document.body.innerText);
}

/** Opens a tree row's context menu and chooses an item. The item is focused by hovering and chosen with
 * Enter: a mouse click on a context menu opened a moment ago is sometimes dropped by the workbench (the
 * menu stays open with the item highlighted), while the keyboard path always runs the item. */
export async function chooseFromContextMenu(page, row, itemName) {
  await row.waitFor();
  await row.click({ button: 'right' });
  const item = page.getByRole('menuitem', { name: itemName });
  await item.waitFor();
  await item.hover();
  await page.keyboard.press('Enter');
}

/** Set Project Role… on a member row, the role typed and chosen: returns the confirmation dialog it opens. */
export async function openSetProjectRoleDialog(page, row, itemName, role) {
  await chooseFromContextMenu(page, row, itemName);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(role);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: role }).first().waitFor();
  await page.keyboard.press('Enter');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor();
  return dialog;
}
