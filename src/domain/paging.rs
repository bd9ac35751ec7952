//! Long lists cut into numbered pages: how many pages there are, which page numbers a
//! pager shows, which rows a page holds, and the nearest neighbours of an item in a list.

/// A page number as it may appear in `?page=`: a positive decimal without a sign or
/// leading zero, at most nine digits. Anything else is no page (so no two spellings of one
/// page exist, and a crawler cannot invent new ones).
pub fn parse_page_number(text: &str) -> Option<u32> {
    let ok = !text.is_empty() && text.len() <= 9 && !text.starts_with('0') && text.bytes().all(|b| b.is_ascii_digit());
    if ok { text.parse().ok() } else { None }
}

/// How many pages `total` items make at `per_page` a page: at least one (an empty list is
/// one empty page).
pub fn page_count(total: u64, per_page: u32) -> u32 {
    let per_page = u64::from(per_page.max(1));
    u32::try_from(total.div_ceil(per_page).max(1)).unwrap_or(u32::MAX)
}

/// The rows of page `page` (from 1) as (offset, limit), when the page exists.
pub fn page_rows(page: u32, per_page: u32, total: u64) -> Option<(u64, u64)> {
    if page == 0 || page > page_count(total, per_page) {
        return None;
    }
    let start = u64::from(page - 1) * u64::from(per_page);
    Some((start, u64::from(per_page).min(total.saturating_sub(start))))
}

/// One entry of a numbered pager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagerItem {
    Page(u32),
    /// Numbers left out (shown as an ellipsis).
    Gap,
}

/// The entries a pager shows for page `current` of `count`, as GOV.UK's pagination does:
/// the first and last page, the current one and its neighbours, and an ellipsis for each
/// run of left-out numbers (a run of one is shown as its number: an ellipsis would not be
/// shorter). At most seven entries, whatever the number of pages.
pub fn pager_items(current: u32, count: u32) -> Vec<PagerItem> {
    if count == 0 {
        return Vec::new();
    }
    let current = current.clamp(1, count);
    let mut shown = vec![1, current.saturating_sub(1), current, current.saturating_add(1), count];
    shown.retain(|n| (1..=count).contains(n));
    shown.sort_unstable();
    shown.dedup();
    let mut items = Vec::with_capacity(7);
    let mut previous = 0;
    for n in shown {
        match n - previous {
            1 => {}
            2 => items.push(PagerItem::Page(n - 1)),
            _ => items.push(PagerItem::Gap),
        }
        items.push(PagerItem::Page(n));
        previous = n;
    }
    items
}

/// The `max` items nearest to a place in a list, in list order: `before` and `after` hold
/// the items on either side, nearest first. Each side gets half; a side with fewer leaves
/// its share to the other (with an odd `max`, the side after gets the extra one).
pub fn nearest<T>(before: Vec<T>, after: Vec<T>, max: usize) -> Vec<T> {
    let take_after = after.len().min(max - before.len().min(max / 2));
    let take_before = before.len().min(max - take_after);
    let mut out: Vec<T> = before.into_iter().take(take_before).collect();
    out.reverse();
    out.extend(after.into_iter().take(take_after));
    out
}

#[cfg(test)]
mod tests {
    use super::PagerItem::{Gap, Page};
    use super::*;

    #[test]
    fn only_plain_positive_numbers_are_page_numbers() {
        assert_eq!(parse_page_number("1"), Some(1));
        assert_eq!(parse_page_number("42"), Some(42));
        assert_eq!(parse_page_number("999999999"), Some(999_999_999));
        for bad in ["", "0", "01", "-1", "+2", "2.0", "two", " 2", "1e3", "1000000000", "٣"] {
            assert_eq!(parse_page_number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn pages_are_counted_and_cut() {
        assert_eq!(page_count(0, 20), 1, "an empty list is one page");
        assert_eq!(page_count(20, 20), 1);
        assert_eq!(page_count(21, 20), 2);
        assert_eq!(page_count(1000, 20), 50);
        assert_eq!(page_rows(1, 20, 0), Some((0, 0)));
        assert_eq!(page_rows(2, 20, 45), Some((20, 20)));
        assert_eq!(page_rows(3, 20, 45), Some((40, 5)));
        assert_eq!(page_rows(4, 20, 45), None);
        assert_eq!(page_rows(0, 20, 45), None);
        assert_eq!(page_rows(u32::MAX, 20, 45), None);
    }

    #[test]
    fn a_short_list_of_pages_shows_every_number() {
        assert_eq!(pager_items(1, 1), vec![Page(1)]);
        assert_eq!(pager_items(1, 3), vec![Page(1), Page(2), Page(3)]);
        assert_eq!(pager_items(3, 5), vec![Page(1), Page(2), Page(3), Page(4), Page(5)]);
        assert_eq!(pager_items(1, 0), vec![]);
    }

    #[test]
    fn a_long_list_of_pages_leaves_out_the_middle_with_ellipses() {
        assert_eq!(pager_items(1, 50), vec![Page(1), Page(2), Gap, Page(50)]);
        assert_eq!(pager_items(2, 50), vec![Page(1), Page(2), Page(3), Gap, Page(50)]);
        assert_eq!(pager_items(4, 50), vec![Page(1), Page(2), Page(3), Page(4), Page(5), Gap, Page(50)]);
        assert_eq!(pager_items(5, 50), vec![Page(1), Gap, Page(4), Page(5), Page(6), Gap, Page(50)]);
        assert_eq!(pager_items(47, 50), vec![Page(1), Gap, Page(46), Page(47), Page(48), Page(49), Page(50)]);
        assert_eq!(pager_items(50, 50), vec![Page(1), Gap, Page(49), Page(50)]);
        // Out of range asks are shown as the nearest page.
        assert_eq!(pager_items(99, 3), vec![Page(1), Page(2), Page(3)]);
        for count in 1..200 {
            for current in 1..=count {
                let items = pager_items(current, count);
                assert!(items.len() <= 7, "{current}/{count}: {items:?}");
                assert!(items.contains(&Page(current)) && items.contains(&Page(1)) && items.contains(&Page(count)));
                assert!(!items.windows(2).any(|w| w[0] == Gap && w[1] == Gap));
            }
        }
    }

    #[test]
    fn the_nearest_items_come_from_both_sides_in_list_order() {
        let before = vec![9, 8, 7, 6, 5, 4, 3, 2];
        let after = vec![11, 12, 13, 14, 15, 16, 17, 18];
        assert_eq!(nearest(before.clone(), after.clone(), 8), vec![6, 7, 8, 9, 11, 12, 13, 14]);
        assert_eq!(nearest(vec![9], after.clone(), 8), vec![9, 11, 12, 13, 14, 15, 16, 17], "first in the list");
        assert_eq!(nearest(before.clone(), vec![], 8), vec![2, 3, 4, 5, 6, 7, 8, 9], "last in the list");
        assert_eq!(nearest(vec![9, 8], vec![11], 8), vec![8, 9, 11], "fewer than max: all of them");
        assert_eq!(nearest(before, after, 5), vec![8, 9, 11, 12, 13]);
        assert_eq!(nearest(Vec::<u8>::new(), vec![], 8), Vec::<u8>::new());
    }
}
