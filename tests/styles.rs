//! One test per style of news copy: each fixture in `tests/fixtures/styles/` is
//! parsed and every field of the article is compared with the value the corpus
//! schema (`SCHEMA.md`) defines for it. A failing test lists every wrong field
//! at once, with the expected and the found value.

use newsparse::{Article, parse_bytes};

/// The place of a dateline: text, city, region, U.S. state.
#[derive(Debug, PartialEq)]
struct Place<'a> {
    text: &'a str,
    city: &'a str,
    region: Option<&'a str>,
    state: Option<&'a str>,
}

/// The date of a dateline: text, month, day, year.
#[derive(Debug, PartialEq)]
struct Date<'a> {
    text: &'a str,
    month: u8,
    day: u8,
    year: Option<u16>,
}

#[derive(Debug, PartialEq)]
struct Line<'a> {
    text: &'a str,
    location: Option<Place<'a>>,
    date: Option<Date<'a>>,
    agency: Option<&'a str>,
}

#[derive(Debug, PartialEq)]
struct By<'a> {
    text: &'a str,
    authors: Vec<&'a str>,
    affiliation: Option<&'a str>,
}

/// Every field of an [`Article`], in a form that compares field by field.
#[derive(Debug, PartialEq, Default)]
struct Fields<'a> {
    headline: Option<&'a str>,
    published: Option<&'a str>,
    byline: Option<By<'a>>,
    dateline: Option<Line<'a>>,
    agency: Option<&'a str>,
    paragraphs: Vec<&'a str>,
    captions: Vec<(&'a str, Option<&'a str>)>,
    related: Vec<&'a str>,
    credits: Option<&'a str>,
    boilerplate: Vec<&'a str>,
}

fn fields<'a>(a: &Article<'a>) -> Fields<'a> {
    Fields {
        headline: a.headline,
        published: a.published,
        byline: a.byline.as_ref().map(|b| By {
            text: b.text,
            authors: b.authors.iter().map(|x| x.name).collect(),
            affiliation: b.affiliation,
        }),
        dateline: a.dateline.as_ref().map(|d| Line {
            text: d.text,
            location: d.location.as_ref().map(|l| Place {
                text: l.text,
                city: l.city,
                region: l.region,
                state: l.state,
            }),
            date: d.date.as_ref().map(|x| Date {
                text: x.text,
                month: x.month,
                day: x.day,
                year: x.year,
            }),
            agency: d.agency.map(|x| x.name()),
        }),
        agency: a.agency.map(|x| x.name()),
        paragraphs: a.paragraphs.clone(),
        captions: a.captions.iter().map(|c| (c.text, c.credit)).collect(),
        related: a.related.clone(),
        credits: a.credits,
        boilerplate: a.boilerplate.clone(),
    }
}

fn place(
    text: &'static str,
    city: &'static str,
    region: Option<&'static str>,
    state: Option<&'static str>,
) -> Option<Place<'static>> {
    Some(Place {
        text,
        city,
        region,
        state,
    })
}

fn date(text: &'static str, month: u8, day: u8, year: Option<u16>) -> Option<Date<'static>> {
    Some(Date {
        text,
        month,
        day,
        year,
    })
}

fn by(
    text: &'static str,
    authors: &[&'static str],
    affiliation: Option<&'static str>,
) -> Option<By<'static>> {
    Some(By {
        text,
        authors: authors.to_vec(),
        affiliation,
    })
}

fn read(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/styles/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Lists every field where `got` differs from `want`.
fn mismatches(got: &Fields<'_>, want: &Fields<'_>) -> Vec<String> {
    let mut out = Vec::new();
    macro_rules! cmp {
        ($name:expr, $g:expr, $w:expr) => {
            if $g != $w {
                out.push(format!("{}: expected {:?}, got {:?}", $name, $w, $g));
            }
        };
    }
    cmp!("headline", got.headline, want.headline);
    cmp!("published", got.published, want.published);
    match (&got.byline, &want.byline) {
        (Some(g), Some(w)) => {
            cmp!("byline.text", g.text, w.text);
            cmp!("byline.authors", g.authors, w.authors);
            cmp!("byline.affiliation", g.affiliation, w.affiliation);
        }
        (g, w) => cmp!("byline", g, w),
    }
    match (&got.dateline, &want.dateline) {
        (Some(g), Some(w)) => {
            cmp!("dateline.text", g.text, w.text);
            cmp!("dateline.location", g.location, w.location);
            cmp!("dateline.date", g.date, w.date);
            cmp!("dateline.agency", g.agency, w.agency);
        }
        (g, w) => cmp!("dateline", g, w),
    }
    cmp!("agency", got.agency, want.agency);
    cmp!("paragraphs", got.paragraphs, want.paragraphs);
    cmp!("captions", got.captions, want.captions);
    cmp!("related", got.related, want.related);
    cmp!("credits", got.credits, want.credits);
    cmp!("boilerplate", got.boilerplate, want.boilerplate);
    out
}

fn check(name: &str, want: Fields<'_>) {
    let bytes = read(name);
    let article = parse_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    let wrong = mismatches(&fields(&article), &want);
    assert!(
        wrong.is_empty(),
        "{name}: {} wrong field(s):\n  {}",
        wrong.len(),
        wrong.join("\n  ")
    );
}

#[test]
fn upi_city_region_date_and_staff_writer_byline() {
    check(
        "upi-city.txt",
        Fields {
            headline: Some("Utah County opens warming shelters as cold snap deepens"),
            byline: by(
                "By Mara Quintero, UPI Staff Writer",
                &["Mara Quintero"],
                Some("UPI Staff Writer"),
            ),
            dateline: Some(Line {
                text: "PROVO, Utah, Dec. 23 (UPI) --",
                location: place("PROVO, Utah", "PROVO", Some("Utah"), Some("Utah")),
                date: date("Dec. 23", 12, 23, None),
                agency: Some("UPI"),
            }),
            agency: Some("UPI"),
            paragraphs: vec![
                "Utah County officials opened three overnight warming shelters on Monday as temperatures along the Wasatch Front fell below zero for a second straight night.",
                "The shelters at the county fairgrounds, a Provo middle school and an Orem church will stay open through Friday, a county spokesman said.",
                "Forecasters expect the cold air to lift by the weekend, when a storm could bring up to a foot of snow to the mountains.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn ap_em_dash() {
    check(
        "ap-em-dash.txt",
        Fields {
            headline: Some("Texas lawmakers pass bill to expand rural broadband"),
            dateline: Some(Line {
                text: "AUSTIN, Texas (AP) —",
                location: place("AUSTIN, Texas", "AUSTIN", Some("Texas"), Some("Texas")),
                date: None,
                agency: Some("AP"),
            }),
            agency: Some("AP"),
            paragraphs: vec![
                "Texas lawmakers on Tuesday approved a $1.2 billion plan to bring high-speed internet to rural counties, sending the measure to the governor's desk.",
                "The bill creates a state broadband office and sets aside grants for providers that agree to serve areas with no coverage today.",
                "Supporters said the money would help farms, clinics and schools that still rely on slow satellite links.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn ap_en_dash() {
    check(
        "ap-en-dash.txt",
        Fields {
            headline: Some("Colorado reservoir levels climb after wet spring"),
            dateline: Some(Line {
                text: "DENVER (AP) –",
                location: place("DENVER", "DENVER", None, None),
                date: None,
                agency: Some("AP"),
            }),
            agency: Some("AP"),
            paragraphs: vec![
                "Reservoirs across Colorado are fuller than they have been in six years after a snowy winter and a wet spring, state water officials said Wednesday.",
                "Officials cautioned that a hot summer could draw the levels down quickly and urged cities to keep watering limits in place.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn ap_double_hyphen() {
    check(
        "ap-double-hyphen.txt",
        Fields {
            headline: Some("Georgia port sets cargo record for third straight month"),
            dateline: Some(Line {
                text: "SAVANNAH, Ga. (AP) --",
                location: place("SAVANNAH, Ga.", "SAVANNAH", Some("Ga."), Some("Georgia")),
                date: None,
                agency: Some("AP"),
            }),
            agency: Some("AP"),
            paragraphs: vec![
                "The Port of Savannah handled a record 540,000 cargo containers in October, the Georgia Ports Authority said Thursday.",
                "Port officials credited new cranes and longer gate hours for the gains.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn ap_single_hyphen() {
    check(
        "ap-hyphen.txt",
        Fields {
            headline: Some("Idaho wildfire forces evacuation of mountain town"),
            dateline: Some(Line {
                text: "BOISE, Idaho (AP) -",
                location: place("BOISE, Idaho", "BOISE", Some("Idaho"), Some("Idaho")),
                date: None,
                agency: Some("AP"),
            }),
            agency: Some("AP"),
            paragraphs: vec![
                "A fast-moving wildfire in central Idaho forced the evacuation of about 300 residents of a small mountain town on Saturday, fire officials said.",
                "No homes had burned by nightfall, but crews said shifting winds could push the fire toward town overnight.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn ap_marker_before_place() {
    check(
        "ap-marker-first.txt",
        Fields {
            headline: Some("Lava flow crosses highway on Hawaii's Big Island"),
            dateline: Some(Line {
                text: "(AP) HONOLULU -",
                location: place("HONOLULU", "HONOLULU", None, None),
                date: None,
                agency: Some("AP"),
            }),
            agency: Some("AP"),
            paragraphs: vec![
                "A slow-moving lava flow from Kilauea crossed a rural highway on Hawaii's Big Island early Friday, cutting off a handful of homes, civil defense officials said.",
                "Residents were told to prepare for the flow to reach the coast within days.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn ap_state_abbreviation_california() {
    check(
        "ap-california.txt",
        Fields {
            headline: Some("Refinery fire sends smoke over East Bay towns"),
            dateline: Some(Line {
                text: "PITTSBURG, Calif. (AP) —",
                location: place(
                    "PITTSBURG, Calif.",
                    "PITTSBURG",
                    Some("Calif."),
                    Some("California"),
                ),
                date: None,
                agency: Some("AP"),
            }),
            agency: Some("AP"),
            paragraphs: vec![
                "A fire at a refinery east of San Francisco sent a column of black smoke over several East Bay towns on Sunday, prompting officials to tell residents to stay indoors.",
                "No injuries were reported, and the fire was contained within two hours, a Contra Costa County fire spokeswoman said.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn ap_state_abbreviation_illinois_with_writer_credit() {
    check(
        "ap-illinois-credit.txt",
        Fields {
            headline: Some("Northern Illinois farmers brace for late frost"),
            dateline: Some(Line {
                text: "DEKALB, Ill. (AP) —",
                location: place("DEKALB, Ill.", "DEKALB", Some("Ill."), Some("Illinois")),
                date: None,
                agency: Some("AP"),
            }),
            agency: Some("AP"),
            paragraphs: vec![
                "Farmers across northern Illinois rushed to protect seedlings on Tuesday as forecasters warned of a hard frost unusually late in the spring.",
                "Extension agents said early-planted corn would likely survive, but fruit growers could lose much of this year's crop.",
            ],
            credits: Some(
                "Associated Press writer Tom Hale in Chicago contributed to this report.",
            ),
            ..Fields::default()
        },
    );
}

/// A newspaper story without a wire dateline: the agency comes from the credit line alone.
#[test]
fn associated_press_contributed_credit_gives_agency() {
    check(
        "ap-contributed.txt",
        Fields {
            headline: Some("Storm knocks out power to 40,000 in central Ohio"),
            byline: by("By Kim Ashford", &["Kim Ashford"], None),
            agency: Some("AP"),
            paragraphs: vec![
                "Thousands of central Ohio homes remained without power Sunday after a line of thunderstorms brought down trees and power lines across Franklin and Delaware counties.",
                "AEP Ohio said crews from three states were helping and that most customers should have power back by Tuesday night.",
            ],
            credits: Some("The Associated Press contributed to this report."),
            ..Fields::default()
        },
    );
}

fn reuters_joint_expected() -> Fields<'static> {
    Fields {
        headline: Some("Planemaker and regulators agree on new inspection schedule"),
        dateline: Some(Line {
            text: "SEATTLE/WASHINGTON (Reuters) -",
            location: place("SEATTLE/WASHINGTON", "SEATTLE/WASHINGTON", None, None),
            date: None,
            agency: Some("Reuters"),
        }),
        agency: Some("Reuters"),
        paragraphs: vec![
            "A U.S. planemaker and federal regulators have agreed on a new schedule for inspecting wing fittings on older jets, two people familiar with the matter said on Thursday.",
            "The agreement would give airlines until the end of next year to complete the checks, the people said, asking not to be named because the talks were private.",
        ],
        credits: Some(
            "Reporting by Ann Marsh in Seattle and Dan Ortiz in Washington; Editing by Leslie Adler",
        ),
        ..Fields::default()
    }
}

#[test]
fn reuters_joint_dateline_with_reporting_credits() {
    check("reuters-joint.txt", reuters_joint_expected());
}

#[test]
fn reuters_dated_dateline() {
    check(
        "reuters-dated.txt",
        Fields {
            headline: Some("Gulf Coast refiners cut runs as cold snap hits power supply"),
            dateline: Some(Line {
                text: "HOUSTON, Jan 27 (Reuters) -",
                location: place("HOUSTON", "HOUSTON", None, None),
                date: date("Jan 27", 1, 27, None),
                agency: Some("Reuters"),
            }),
            agency: Some("Reuters"),
            paragraphs: vec![
                "Several Gulf Coast refiners cut processing rates on Monday after freezing weather disrupted power and steam supplies along the Texas coast, people familiar with plant operations said.",
                "Gasoline futures rose 2% in early trading on the news.",
            ],
            ..Fields::default()
        },
    );
}

/// Hard-wrapped copy: a paragraph runs over its unindented lines, so its slice keeps the line breaks.
#[test]
fn reuters_1987_hard_wrapped_with_sign_off() {
    check(
        "reuters-1987.txt",
        Fields {
            headline: Some("CHEMICAL MAKERS SEE STRONGER SECOND QUARTER"),
            byline: by(
                "By Cal Mankowski, Reuters",
                &["Cal Mankowski"],
                Some("Reuters"),
            ),
            dateline: Some(Line {
                text: "NEW YORK, March 26 -",
                location: place("NEW YORK", "NEW YORK", None, None),
                date: date("March 26", 3, 26, None),
                agency: None,
            }),
            agency: Some("Reuters"),
            paragraphs: vec![
                "Major U.S. chemical producers expect\nearnings to improve in the second quarter as plant operating\nrates climb and export demand recovers, industry analysts said.",
                "\"The worst of the inventory cutting is behind them,\" said\none analyst at a New York brokerage house.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn xinhua() {
    check(
        "xinhua.txt",
        Fields {
            headline: Some("China's rail network to add 3,000 km of track this year"),
            dateline: Some(Line {
                text: "BEIJING, Jan. 5 (Xinhua) --",
                location: place("BEIJING", "BEIJING", None, None),
                date: date("Jan. 5", 1, 5, None),
                agency: Some("Xinhua"),
            }),
            agency: Some("Xinhua"),
            paragraphs: vec![
                "China plans to put 3,000 km of new railway lines into service this year, including about 2,000 km of high-speed track, the national railway operator said Sunday.",
                "The new lines will link several county-level cities in the country's southwest to the national high-speed network.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn afp() {
    check(
        "afp.txt",
        Fields {
            headline: Some("Paris museums to stay open late on Fridays this summer"),
            dateline: Some(Line {
                text: "PARIS (AFP) -",
                location: place("PARIS", "PARIS", None, None),
                date: None,
                agency: Some("AFP"),
            }),
            agency: Some("AFP"),
            paragraphs: vec![
                "Several of the largest museums in Paris will stay open until 10 pm on Fridays from June to September, the culture ministry announced on Wednesday.",
                "The ministry said the later hours were meant to ease crowding during the day and draw younger visitors.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn cnn_marker_alone() {
    check(
        "cnn.txt",
        Fields {
            headline: Some("Rescuers reach hikers stranded on flooded trail"),
            byline: by("By Dana Whitfield, CNN", &["Dana Whitfield"], Some("CNN")),
            dateline: Some(Line {
                text: "(CNN) --",
                location: None,
                date: None,
                agency: Some("CNN"),
            }),
            agency: Some("CNN"),
            paragraphs: vec![
                "Rescue crews on Sunday reached a group of 14 hikers who had been stranded overnight after a flash flood washed out a canyon trail in southern Utah, officials said.",
                "All of the hikers were in good condition, a sheriff's office spokesman said.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn newser() {
    check(
        "newser.txt",
        Fields {
            headline: Some("Town's Lost Time Capsule Turns Up in a Basement"),
            dateline: Some(Line {
                text: "(NEWSER) –",
                location: None,
                date: None,
                agency: Some("NEWSER"),
            }),
            agency: Some("NEWSER"),
            paragraphs: vec![
                "A time capsule that a small Vermont town buried in 1976 and then lost track of has turned up in the basement of its old town hall, the local paper reports. Workers found the steel box while clearing space for a new furnace.",
                "Town officials plan to open it at a public ceremony next month.",
            ],
            ..Fields::default()
        },
    );
}

/// A press release: the dek under the headline is neither headline, body nor furniture.
#[test]
fn pr_newswire_with_year() {
    check(
        "prnewswire.txt",
        Fields {
            headline: Some("Lonestar Robotics Opens Engineering Center in Austin"),
            dateline: Some(Line {
                text: "AUSTIN, Texas, May 5, 2025 /PRNewswire/ --",
                location: place("AUSTIN, Texas", "AUSTIN", Some("Texas"), Some("Texas")),
                date: date("May 5, 2025", 5, 5, Some(2025)),
                agency: Some("PR Newswire"),
            }),
            agency: Some("PR Newswire"),
            paragraphs: vec![
                "Lonestar Robotics, a maker of warehouse automation systems, today announced the opening of a 60,000-square-foot engineering center in north Austin.",
                "The center will house the company's software, sensor and testing teams, which currently work from three separate offices in the city.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn business_wire() {
    check(
        "businesswire.txt",
        Fields {
            headline: Some("Quillon Systems Reports Third Quarter Fiscal 2024 Results"),
            dateline: Some(Line {
                text: "SAN JOSE, Calif.--(BUSINESS WIRE)--",
                location: place(
                    "SAN JOSE, Calif.",
                    "SAN JOSE",
                    Some("Calif."),
                    Some("California"),
                ),
                date: None,
                agency: Some("Business Wire"),
            }),
            agency: Some("Business Wire"),
            paragraphs: vec![
                "Quillon Systems, Inc. (NASDAQ: QLON), a supplier of power management chips, today reported revenue of $412 million for its third fiscal quarter, up 18% from a year earlier.",
                "\"Demand from data center customers remained strong throughout the quarter,\" said Priya Raman, chief executive officer of Quillon Systems.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn globenewswire() {
    check(
        "globenewswire.txt",
        Fields {
            headline: Some("Northwind Minerals Announces Drilling Results at Lac Brule Project"),
            dateline: Some(Line {
                text: "TORONTO, March 3, 2025 (GLOBE NEWSWIRE) --",
                location: place("TORONTO", "TORONTO", None, None),
                date: date("March 3, 2025", 3, 3, Some(2025)),
                agency: Some("GlobeNewswire"),
            }),
            agency: Some("GlobeNewswire"),
            paragraphs: vec![
                "Northwind Minerals Corp. (TSXV: NWM) today announced assay results from its winter drilling program at the Lac Brule gold project in northern Quebec.",
                "The company completed 14 holes totalling 4,200 metres between January and February.",
            ],
            ..Fields::default()
        },
    );
}

/// ACCESSWIRE writes place, service and date between slashes; the last slash closes the dateline.
#[test]
fn accesswire() {
    check(
        "accesswire.txt",
        Fields {
            headline: Some("Harbor Lane Foods Expands Distribution to 400 Grocery Stores"),
            dateline: Some(Line {
                text: "NEW YORK, NY / ACCESSWIRE / June 10, 2024 /",
                location: place("NEW YORK, NY", "NEW YORK", Some("NY"), Some("New York")),
                date: date("June 10, 2024", 6, 10, Some(2024)),
                agency: Some("ACCESSWIRE"),
            }),
            agency: Some("ACCESSWIRE"),
            paragraphs: vec![
                "Harbor Lane Foods, a maker of frozen plant-based meals, today announced that its products will be sold in 400 additional grocery stores across the Northeast starting in July.",
                "The expansion more than doubles the number of stores carrying the company's products.",
            ],
            ..Fields::default()
        },
    );
}

fn lead_in(agency: &'static str, text: &'static str) -> Option<Line<'static>> {
    Some(Line {
        text,
        location: None,
        date: None,
        agency: Some(agency),
    })
}

#[test]
fn ag_news_ap_lead_in() {
    check(
        "agnews-ap.txt",
        Fields {
            headline: Some("Rangers Add Veteran Goalie Before Camp (AP)"),
            dateline: lead_in("AP", "AP -"),
            agency: Some("AP"),
            paragraphs: vec![
                "The New York Rangers signed veteran goaltender Mats Brandt to a one-year contract Thursday, adding depth a week before training camp opens.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn ag_news_reuters_lead_in() {
    check(
        "agnews-reuters.txt",
        Fields {
            headline: Some("Oil Steadies as Supply Worries Ease (Reuters)"),
            dateline: lead_in("Reuters", "Reuters -"),
            agency: Some("Reuters"),
            paragraphs: vec![
                "Oil prices held steady on Tuesday as traders weighed signs of rising output in the Gulf of Mexico against strong demand for heating fuel ahead of winter.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn ag_news_afp_lead_in() {
    check(
        "agnews-afp.txt",
        Fields {
            headline: Some("Swiss Bank Posts Higher Quarterly Profit (AFP)"),
            dateline: lead_in("AFP", "AFP -"),
            agency: Some("AFP"),
            paragraphs: vec![
                "A leading Swiss private bank reported a 12 percent rise in third-quarter net profit, helped by strong inflows from wealthy clients in Asia.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn bbc_headline_and_paragraphs_only() {
    check(
        "bbc.txt",
        Fields {
            headline: Some("Airline cuts winter flights as fuel costs rise"),
            paragraphs: vec![
                "A regional airline is to cut a fifth of its winter flights after a sharp rise in fuel costs, the company has said.",
                "The carrier said routes between smaller airports would be hit hardest, though no jobs were expected to go.",
                "Passengers booked on cancelled flights will be offered refunds or seats on other services.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn blog_byline_with_date() {
    check(
        "blog-byline.txt",
        Fields {
            headline: Some("Ten Easy Weeknight Soups for the First Cold Week"),
            published: Some("November 8, 2012"),
            byline: by("by Jane Roe", &["Jane Roe"], None),
            paragraphs: vec![
                "When the first real cold snap arrives, nothing beats a pot of soup that comes together in under half an hour.",
                "Here are ten of our favourites, from a simple tomato and white bean soup to a spicy peanut stew.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn three_authors() {
    check(
        "multi-author.txt",
        Fields {
            headline: Some("Lake cleanup draws hundreds of volunteers"),
            byline: by(
                "By Ann Lee, Bo Chan and Cy Dorr",
                &["Ann Lee", "Bo Chan", "Cy Dorr"],
                None,
            ),
            paragraphs: vec![
                "More than 600 volunteers pulled tires, shopping carts and bags of litter from the shores of Mill Lake on Saturday in the largest cleanup the city has organized.",
                "Organizers said they hoped to make the event an annual one.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn two_authors_in_capitals() {
    check(
        "multi-author-caps.txt",
        Fields {
            headline: Some("Senate panel backs ban on lawmakers trading stocks"),
            byline: by("By ANN LEE and BO CHAN", &["ANN LEE", "BO CHAN"], None),
            dateline: Some(Line {
                text: "WASHINGTON, Sept. 14 (UPI) --",
                location: place("WASHINGTON", "WASHINGTON", None, None),
                date: date("Sept. 14", 9, 14, None),
                agency: Some("UPI"),
            }),
            agency: Some("UPI"),
            paragraphs: vec![
                "A Senate committee voted 8-3 on Wednesday to advance a bill that would bar members of Congress and their spouses from trading individual stocks.",
                "The bill now heads to the full Senate, where its prospects remain uncertain.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn published_timestamp_line() {
    check(
        "timestamp.txt",
        Fields {
            headline: Some("City council approves new downtown bike lanes"),
            published: Some("July 24, 2012 12:11 AM"),
            byline: by("By Rob Diaz", &["Rob Diaz"], None),
            paragraphs: vec![
                "The city council voted 7-2 on Monday night to add protected bike lanes along four downtown streets, ending a debate that has run for more than a year.",
                "Work on the first two streets is set to begin in September.",
            ],
            ..Fields::default()
        },
    );
}

/// A dateline on a line of its own under a byline whose organisation sits on the next line.
#[test]
fn dateline_on_its_own_line_and_affiliation_line() {
    check(
        "dateline-own-line.txt",
        Fields {
            headline: Some("Museum returns looted statue to Cambodia"),
            byline: by("By Greg Holt", &["Greg Holt"], Some("Associated Press")),
            dateline: Some(Line {
                text: "BALTIMORE Aug. 2, 2013 (AP)",
                location: place("BALTIMORE", "BALTIMORE", None, None),
                date: date("Aug. 2, 2013", 8, 2, Some(2013)),
                agency: Some("AP"),
            }),
            agency: Some("AP"),
            paragraphs: vec![
                "A Baltimore art museum on Friday returned a 10th-century sandstone statue to Cambodia, more than 40 years after it was taken from a temple during the country's civil war.",
                "Cambodian officials said the statue would go on display in Phnom Penh later this year.",
            ],
            ..Fields::default()
        },
    );
}

#[test]
fn crlf_line_endings_read_like_lf() {
    check("reuters-joint-crlf.txt", reuters_joint_expected());
    let lf = read("reuters-joint.txt");
    let crlf = read("reuters-joint-crlf.txt");
    assert!(
        crlf.windows(2).any(|w| w == b"\r\n"),
        "fixture lost its CRLF"
    );
    assert_eq!(parse_bytes(&crlf).unwrap(), parse_bytes(&lf).unwrap());
}

#[test]
fn byte_order_mark_is_skipped() {
    let bytes = read("bom.txt");
    assert!(bytes.starts_with(b"\xef\xbb\xbf"), "fixture lost its BOM");
    check(
        "bom.txt",
        Fields {
            headline: Some("Library system ends overdue fines"),
            byline: by("By Ruth Okafor", &["Ruth Okafor"], None),
            dateline: Some(Line {
                text: "MADISON, Wis. (AP) —",
                location: place("MADISON, Wis.", "MADISON", Some("Wis."), Some("Wisconsin")),
                date: None,
                agency: Some("AP"),
            }),
            agency: Some("AP"),
            paragraphs: vec![
                "The public library system in Wisconsin's capital will stop charging fines for overdue books starting next month, its board voted Monday.",
                "Board members said the fines kept many families from borrowing books at all.",
            ],
            ..Fields::default()
        },
    );
    assert_eq!(
        parse_bytes(&bytes).unwrap(),
        parse_bytes(&bytes[3..]).unwrap()
    );
}

/// `(AP)` is also the postal code of Amapá: inside a sentence it is no dateline.
#[test]
fn state_code_in_body_is_not_a_dateline() {
    check(
        "amapa.txt",
        Fields {
            headline: Some("Brazil creates marine reserve off its northern coast"),
            byline: by("By Lucia Ferraz", &["Lucia Ferraz"], None),
            paragraphs: vec![
                "Brazil's government on Wednesday created a marine reserve off the coast of Amapá (AP) — the northern state that borders French Guiana — to protect a reef system that scientists first mapped in 2016.",
                "Environmental groups welcomed the decision but said oil exploration permits in nearby waters should also be cancelled.",
            ],
            ..Fields::default()
        },
    );
}

/// A whole page: share buttons, an ad label, a credited photo caption, a link list and a copyright line.
#[test]
fn news_page_furniture_caption_and_related_links() {
    check(
        "news-page.txt",
        Fields {
            headline: Some("Film festival names jury for its 30th edition"),
            byline: by("By Nora Ellis", &["Nora Ellis"], None),
            paragraphs: vec![
                "The Pacific Coast Film Festival on Tuesday named a seven-member jury led by actor Dana Whitmore for its 30th edition, which opens in Santa Barbara next month.",
                "The festival will screen 140 films from 42 countries over 11 days, organizers said. Tickets go on sale Friday.",
            ],
            captions: vec![(
                "Dana Whitmore arrives at a charity screening in Los Angeles last spring. (Matt Sayles/AP Photo)",
                Some("Matt Sayles/AP Photo"),
            )],
            related: vec![
                "Festival adds late-night horror sidebar",
                "Five films to watch at this year's festival",
                "Santa Barbara theaters get new screens",
            ],
            boilerplate: vec![
                "Share",
                "Tweet",
                "Email",
                "Advertisement",
                "Related Posts",
                "© 2019 Coastal Media Group. All rights reserved.",
            ],
            ..Fields::default()
        },
    );
}

/// A broadcaster that is not a known service keeps its name as written.
#[test]
fn unknown_service_kept_as_written() {
    check(
        "other-agency.txt",
        Fields {
            headline: Some("Tulsa opens new downtown transit center"),
            dateline: Some(Line {
                text: "TULSA, Okla. (KOTV) —",
                location: place("TULSA, Okla.", "TULSA", Some("Okla."), Some("Oklahoma")),
                date: None,
                agency: Some("KOTV"),
            }),
            agency: Some("KOTV"),
            paragraphs: vec![
                "Tulsa opened its rebuilt downtown bus station on Monday, replacing a 1990s terminal that riders had long complained was cramped and poorly lit.",
                "The city said the new center adds covered platforms, a waiting room and real-time arrival screens.",
            ],
            ..Fields::default()
        },
    );
    let bytes = read("other-agency.txt");
    let article = parse_bytes(&bytes).unwrap();
    assert!(matches!(
        article.agency,
        Some(newsparse::Agency::Other("KOTV"))
    ));
}

/// Every fixture in the directory has a test above.
#[test]
fn every_fixture_is_covered() {
    let src = include_str!("styles.rs");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/styles");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".txt") {
            assert!(
                src.contains(&format!("\"{name}\"")),
                "{name} has no test in tests/styles.rs"
            );
        }
    }
}
